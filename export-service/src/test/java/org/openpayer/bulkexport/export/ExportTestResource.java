package org.openpayer.bulkexport.export;

import org.openpayer.bulkexport.stack.testing.RealServersResource;
import org.openpayer.bulkexport.stack.testing.TokenMint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * export-service's tests: real PostgreSQL (with attribution's member data), Kafka and S3, and a {@link TokenMint}
 * standing in for auth-service. One patient per task and one resource per file, so every job spreads over several
 * tasks, and tasks roll over into several files; files are stored gzipped; a job has at most three tasks queued at a
 * time, so the others wait their turn. Every test class shares one instance of the service (restarting it costs
 * consumer-group rebalances), so all run with these settings.
 */
public class ExportTestResource extends RealServersResource {

    public static final String PUBLIC_BASE_URL = "https://payer.example.test";
    public static final TokenMint TOKENS = TokenMint.start(PUBLIC_BASE_URL);
    public static final int RESOURCES_PER_FILE = 1;
    /** Room for the jobs a test class starts without waiting for them. */
    public static final int MAX_RUNNING_JOBS = 8;
    /** Small, so every job of the tests has tasks waiting their turn. */
    public static final int MAX_QUEUED_TASKS_PER_JOB = 3;
    private static boolean fixtureLoaded;
    private static volatile Map<String, String> appConfig;

    @Override
    public void init(Map<String, String> initArgs) {
        Map<String, String> args = new HashMap<>(TOKENS.serviceConfig());
        args.put(SERVERS, "postgres,kafka,s3");
        args.put("export.patient-batch-size", "1");
        args.put("export.file-max-resources", String.valueOf(RESOURCES_PER_FILE));
        args.put("export.gzip-files", "true");
        args.put("export.storage.create-bucket", "true");
        args.put("export.retry-after", "PT1S");
        args.put("export.min-poll-interval", "PT0.2S");
        args.put("export.supervisor-interval", "PT1S");
        args.put("export.max-running-jobs-per-client", String.valueOf(MAX_RUNNING_JOBS));
        args.put("export.max-queued-tasks-per-job", String.valueOf(MAX_QUEUED_TASKS_PER_JOB));
        // A consumer that dies is noticed in seconds rather than the default 45 (the broker's minimum is 6).
        for (String channel : List.of("planner-requests", "worker-tasks", "coordinator-completions",
                "coordinator-failures")) {
            args.put("mp.messaging.incoming." + channel + ".session.timeout.ms", "6000");
            args.put("mp.messaging.incoming." + channel + ".heartbeat.interval.ms", "1000");
        }
        super.init(args);
    }

    /** The configuration the service under test was started with, e.g. for another instance on the same servers. */
    public static Map<String, String> appConfig() {
        if (appConfig == null) {
            throw new IllegalStateException("the test resource has not started yet");
        }
        return appConfig;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        appConfig = Map.copyOf(config);
        synchronized (ExportTestResource.class) {
            if (!fixtureLoaded) {
                MemberDataFixture.load(infrastructure().endpoints());
                fixtureLoaded = true;
            }
        }
        return config;
    }
}

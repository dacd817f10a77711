package org.openpayer.bulkexport.export;

import org.openpayer.bulkexport.stack.testing.RealServersResource;
import org.openpayer.bulkexport.stack.testing.TokenMint;

import java.util.HashMap;
import java.util.Map;

/**
 * export-service's tests: real PostgreSQL (with attribution's member data), Kafka and S3, and a {@link TokenMint}
 * standing in for auth-service. One patient per task, so every job spreads over several tasks and files.
 */
public class ExportTestResource extends RealServersResource {

    public static final String PUBLIC_BASE_URL = "https://payer.example.test";
    public static final TokenMint TOKENS = TokenMint.start(PUBLIC_BASE_URL);
    /** Room for the jobs a test class starts without waiting for them. */
    public static final int MAX_RUNNING_JOBS = 8;
    private static boolean fixtureLoaded;

    @Override
    public void init(Map<String, String> initArgs) {
        Map<String, String> args = new HashMap<>(TOKENS.serviceConfig());
        args.put(SERVERS, "postgres,kafka,s3");
        args.put("export.patient-batch-size", "1");
        args.put("export.storage.create-bucket", "true");
        args.put("export.retry-after", "PT1S");
        args.put("export.min-poll-interval", "PT0.5S");
        args.put("export.supervisor-interval", "PT1S");
        args.put("export.max-running-jobs-per-client", String.valueOf(MAX_RUNNING_JOBS));
        args.putAll(extraConfig());
        super.init(args);
    }

    /** Settings a subclass adds for the tests that need the service configured otherwise. */
    protected Map<String, String> extraConfig() {
        return Map.of();
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        synchronized (ExportTestResource.class) {
            if (!fixtureLoaded) {
                MemberDataFixture.load(infrastructure().endpoints());
                fixtureLoaded = true;
            }
        }
        return config;
    }
}

package org.openpayer.bulkexport.stack.suite;

import org.openpayer.bulkexport.model.route.PublicPaths;
import org.openpayer.bulkexport.stack.infra.InfraEndpoints;
import org.openpayer.bulkexport.stack.infra.ManagedProcess;
import org.openpayer.bulkexport.stack.infra.ProjectLayout;
import org.openpayer.bulkexport.stack.infra.ReadinessProbe;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The packaged services and the gateway, started as separate processes against running servers and configured
 * the way a deployment configures them: environment variables only. All start at once and are then awaited on their
 * readiness probes, which check their database and broker connections.
 *
 * @param ports         each app's HTTP port
 * @param publicBaseUrl the gateway's URL, the one clients use
 * @param adminKey      the operators' key for admin APIs
 * @param processes     the running apps, in start order
 */
public record Suite(SuitePorts ports, String publicBaseUrl, String adminKey, List<ManagedProcess> processes)
        implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    /**
     * What starting the suite needs to know.
     *
     * @param apps        the applications to start (a payer that only pulls from another needs no export side)
     * @param environment settings for every app beyond the suite's own (e.g. {@code PAYER_IDENTIFIERS})
     */
    public record Options(ProjectLayout layout, Path workDir, InfraEndpoints infra, SuitePorts ports,
                          String adminKey, boolean detached, Set<SuiteApp> apps, Map<String, String> environment) {

        public Options {
            apps = apps.isEmpty() ? EnumSet.noneOf(SuiteApp.class) : EnumSet.copyOf(apps);
            environment = Map.copyOf(environment);
        }

        /** Every app, with the suite's own settings only. */
        public Options(ProjectLayout layout, Path workDir, InfraEndpoints infra, SuitePorts ports, String adminKey,
                       boolean detached) {
            this(layout, workDir, infra, ports, adminKey, detached, EnumSet.allOf(SuiteApp.class), Map.of());
        }
    }

    public static Suite start(Options options) {
        String publicBaseUrl = "http://localhost:" + options.ports().of(SuiteApp.GATEWAY);
        List<ManagedProcess> started = new ArrayList<>();
        List<SuiteApp> apps = List.copyOf(options.apps());
        try {
            for (SuiteApp app : apps) {
                started.add(ManagedProcess.start(app.processName(),
                        app.javaCommand().jar(options.layout().quarkusRunJar(app.moduleDir())),
                        environment(app, options, publicBaseUrl),
                        options.workDir().resolve("logs/" + app.processName() + ".log"),
                        options.detached()));
            }
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            for (int i = 0; i < started.size(); i++) {
                String ready = options.ports().directUrl(apps.get(i)) + "/q/health/ready";
                started.get(i).awaitReady(READY_TIMEOUT, () -> ReadinessProbe.answers200(http, ready));
            }
            return new Suite(options.ports(), publicBaseUrl, options.adminKey(), List.copyOf(started));
        } catch (RuntimeException e) {
            started.forEach(ManagedProcess::close);
            throw e;
        }
    }

    public String fhirBaseUrl() {
        return publicBaseUrl + PublicPaths.FHIR;
    }

    /** Calls to the operators' APIs of this suite. */
    public SuiteAdmin admin() {
        return new SuiteAdmin(ports, adminKey);
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
    }

    private static Map<String, String> environment(SuiteApp app, Options options, String publicBaseUrl) {
        SuitePorts ports = options.ports();
        Map<String, String> env = new HashMap<>(options.infra().environment());
        env.putAll(options.environment());
        env.put("HTTP_PORT", String.valueOf(ports.of(app)));
        env.put("PUBLIC_BASE_URL", publicBaseUrl);
        env.put("ADMIN_API_KEY", options.adminKey());
        env.put("AUTH_JWKS_URL", ports.directUrl(SuiteApp.AUTH) + PublicPaths.JWKS);
        switch (app) {
            case AUTH -> env.put("AUTH_CLIENT_JWKS_ALLOW_LOOPBACK_HTTP", "true");
            case ATTRIBUTION -> env.put("ATTRIBUTION_PAYER_PULL_ALLOW_LOOPBACK_HTTP", "true");
            case EXPORT, EXPORT_WORKER -> {
                env.put("EXPORT_WORKER_ID", app.processName());
                env.put("S3_CREATE_BUCKET", "true");
            }
            case GATEWAY -> {
                env.put("AUTH_SERVICE_URL", ports.directUrl(SuiteApp.AUTH));
                env.put("ATTRIBUTION_SERVICE_URL", ports.directUrl(SuiteApp.ATTRIBUTION));
                env.put("EXPORT_SERVICE_URL", ports.directUrl(SuiteApp.EXPORT));
                env.put("FILE_SERVICE_URL", ports.directUrl(SuiteApp.FILE));
            }
            default -> {
                // the shared settings are all this app needs
            }
        }
        return env;
    }
}

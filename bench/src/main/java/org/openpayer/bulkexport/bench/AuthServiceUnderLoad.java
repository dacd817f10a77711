package org.openpayer.bulkexport.bench;

import org.openpayer.bulkexport.model.route.PublicUrls;
import org.openpayer.bulkexport.smartclient.ClientKey;
import org.openpayer.bulkexport.stack.infra.FreePort;
import org.openpayer.bulkexport.stack.infra.InfraEndpoints;
import org.openpayer.bulkexport.stack.infra.Infrastructure;
import org.openpayer.bulkexport.stack.infra.ManagedProcess;
import org.openpayer.bulkexport.stack.infra.ProjectLayout;
import org.openpayer.bulkexport.stack.infra.ReadinessProbe;
import org.openpayer.bulkexport.stack.infra.ServerKind;
import org.openpayer.bulkexport.stack.suite.Suite;
import org.openpayer.bulkexport.stack.suite.SuiteApp;
import org.openpayer.bulkexport.stack.suite.SuitePorts;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The system under test: the packaged auth-service, alone, on a native PostgreSQL of its own, configured through
 * environment variables only, as the suite configures it. Clients are registered the operators' way, through the
 * admin API.
 *
 * <p>Design note: the child JVM's command is built here rather than with the local stack's {@code JavaCommand},
 * which caps the JIT at C1 to spare CPU for the many small JVMs of a test run; a benchmark must run auth-service as
 * deployed (full JIT, the options of deploy/k8s/auth-service.yaml) or it measures the wrong compiler.
 */
final class AuthServiceUnderLoad implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Infrastructure infrastructure;
    private final Suite suite;

    private AuthServiceUnderLoad(Infrastructure infrastructure, Suite suite) {
        this.infrastructure = infrastructure;
        this.suite = suite;
    }

    /**
     * Starts PostgreSQL, then auth-service (which migrates its schema at start), and waits until auth-service is
     * ready. Anything started is stopped again if a later step fails.
     *
     * @param workDir        data and logs; its database must not exist yet, so every run starts empty
     * @param authJvmOptions auth-service's JVM options, space-separated
     */
    static AuthServiceUnderLoad start(ProjectLayout layout, Path workDir, String authJvmOptions) {
        // Native servers even where Docker runs: the numbers must not depend on a container runtime's overhead.
        System.setProperty("suite.infra", "native");
        Infrastructure infrastructure = Infrastructure.forTests(workDir);
        try {
            InfraEndpoints endpoints = infrastructure.ensure(EnumSet.of(ServerKind.POSTGRES));
            int port = FreePort.find();
            String publicBaseUrl = "http://127.0.0.1:" + port;
            String adminKey = UUID.randomUUID().toString();
            Map<String, String> environment = new HashMap<>(endpoints.environment());
            environment.put("HTTP_PORT", String.valueOf(port));
            // Clients call auth-service directly here, so it is also the public base URL their assertions name.
            environment.put("PUBLIC_BASE_URL", publicBaseUrl);
            environment.put("ADMIN_API_KEY", adminKey);
            ManagedProcess process = ManagedProcess.start("auth-service",
                    command(layout.quarkusRunJar("auth-service"), authJvmOptions), environment,
                    workDir.resolve("logs/auth-service.log"), false);
            // A suite of one app: the suite's admin client then talks to this auth-service, and closing stops it.
            Suite suite = new Suite(new SuitePorts(Map.of(SuiteApp.AUTH, port)), publicBaseUrl, adminKey,
                    List.of(process));
            try {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                String ready = publicBaseUrl + "/q/health/ready";
                process.awaitReady(READY_TIMEOUT, () -> ReadinessProbe.answers200(http, ready));
                return new AuthServiceUnderLoad(infrastructure, suite);
            } catch (RuntimeException e) {
                suite.close();
                throw e;
            }
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
    }

    /** Registers a client with the key's public JWKS inline and the benchmark's scope; returns its client id. */
    String registerClient(ClientKey key) {
        return suite.admin().registerClient("bench " + key.algorithm(), key, List.of(TokenRequests.SCOPE),
                List.of(), List.of());
    }

    /** The token URL auth-service was configured with: where requests go and what every assertion's aud says. */
    String tokenUrl() {
        return new PublicUrls(suite.publicBaseUrl()).tokenUrl();
    }

    Path log() {
        return suite.processes().get(0).log();
    }

    /** Stops auth-service first, so it never sees its database disappear, then PostgreSQL. */
    @Override
    public void close() {
        try {
            suite.close();
        } finally {
            infrastructure.close();
        }
    }

    private static List<String> command(Path runJar, String jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Arrays.stream(jvmOptions.trim().split("\\s+")).filter(option -> !option.isEmpty()).forEach(command::add);
        command.add("-jar");
        command.add(runJar.toString());
        return command;
    }
}

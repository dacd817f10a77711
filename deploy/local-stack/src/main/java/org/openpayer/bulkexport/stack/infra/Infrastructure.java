package org.openpayer.bulkexport.stack.infra;

import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The real servers a test or the local stack runs against, started on first need and stopped together. By default
 * they run with Testcontainers where a Docker engine exists and natively otherwise; {@code -Dsuite.infra=native} or
 * {@code containers} (or {@code SUITE_INFRA}) forces one. The local stack always runs natively, since its servers must
 * outlive the command that starts them.
 */
public final class Infrastructure implements AutoCloseable {

    private final boolean containers;
    private final ProjectLayout layout;
    private final Path workDir;
    private final InfraPorts ports;
    private final boolean detached;
    private final Set<ServerKind> started = EnumSet.noneOf(ServerKind.class);
    private final List<AutoCloseable> stoppers = new ArrayList<>();
    private final List<ManagedProcess> processes = new ArrayList<>();
    private String jdbcUrl;
    private String dbPassword;
    private String kafkaBootstrapServers;
    private String s3Endpoint;

    private Infrastructure(boolean containers, ProjectLayout layout, Path workDir, InfraPorts ports, boolean detached) {
        this.containers = containers;
        this.layout = layout;
        this.workDir = workDir;
        this.ports = ports;
        this.detached = detached;
    }

    /** Servers for tests: free ports, a fresh work directory, stopped when the JVM exits. */
    public static Infrastructure forTests(Path workDir) {
        String choice = System.getProperty("suite.infra", System.getenv().getOrDefault("SUITE_INFRA", "auto"));
        boolean containers = switch (choice.toLowerCase(Locale.ROOT)) {
            case "native" -> false;
            case "containers" -> true;
            default -> ContainerServers.dockerAvailable();
        };
        return new Infrastructure(containers, ProjectLayout.locate(), workDir, InfraPorts.free(), false);
    }

    /**
     * Servers for tests in an emptied work directory: nothing a previous run left (a database, topics, objects) is
     * seen by this one.
     */
    public static Infrastructure forTestsFromScratch(Path workDir) {
        try {
            if (Files.exists(workDir)) {
                try (Stream<Path> paths = Files.walk(workDir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            return forTests(Files.createDirectories(workDir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + workDir, e);
        }
    }

    /** Native servers on the local stack's fixed ports that keep running after this JVM exits. */
    public static Infrastructure forLocalStack(ProjectLayout layout, Path workDir) {
        return new Infrastructure(false, layout, workDir, InfraPorts.LOCAL_STACK, true);
    }

    /** Starts whichever of {@code kinds} are not running yet and returns how to reach everything that runs. */
    public synchronized InfraEndpoints ensure(Set<ServerKind> kinds) {
        for (ServerKind kind : kinds) {
            if (started.add(kind)) {
                start(kind);
            }
        }
        return endpoints();
    }

    public synchronized InfraEndpoints endpoints() {
        return new InfraEndpoints(jdbcUrl, jdbcUrl == null ? null : NativePostgres.USER, dbPassword,
                kafkaBootstrapServers,
                s3Endpoint, s3Endpoint == null ? null : InfraEndpoints.S3_ACCESS_KEY,
                s3Endpoint == null ? null : InfraEndpoints.S3_SECRET_KEY);
    }

    /** The native server processes, for the local stack's pid files. */
    public synchronized List<ManagedProcess> processes() {
        return List.copyOf(processes);
    }

    private void start(ServerKind kind) {
        if (containers) {
            startContainer(kind);
        } else {
            startNative(kind);
        }
    }

    private void startNative(ServerKind kind) {
        ManagedProcess process = switch (kind) {
            case POSTGRES -> NativePostgres.start(layout, workDir, ports.postgres(), detached);
            case KAFKA -> NativeKafka.start(layout, workDir, ports.kafka(), detached);
            case S3 -> NativeS3.start(layout, workDir, ports.s3(), detached);
        };
        processes.add(process);
        stoppers.add(process);
        switch (kind) {
            case POSTGRES -> {
                jdbcUrl = NativePostgres.jdbcUrl(ports.postgres());
                dbPassword = "";
            }
            case KAFKA -> kafkaBootstrapServers = NativeKafka.bootstrapServers(ports.kafka());
            case S3 -> s3Endpoint = NativeS3.endpoint(ports.s3());
        }
    }

    private void startContainer(ServerKind kind) {
        switch (kind) {
            case POSTGRES -> {
                PostgreSQLContainer postgres = ContainerServers.postgres();
                stoppers.add(ContainerServers.stopper(postgres));
                jdbcUrl = postgres.getJdbcUrl();
                dbPassword = postgres.getPassword();
            }
            case KAFKA -> {
                KafkaContainer kafka = ContainerServers.kafka();
                stoppers.add(ContainerServers.stopper(kafka));
                kafkaBootstrapServers = kafka.getBootstrapServers();
            }
            case S3 -> {
                MinIOContainer s3 = ContainerServers.s3();
                stoppers.add(ContainerServers.stopper(s3));
                s3Endpoint = s3.getS3URL();
            }
        }
    }

    /** Stops everything this instance started, last started first. Detached (local stack) servers are left running. */
    @Override
    public synchronized void close() {
        if (detached) {
            return;
        }
        for (int i = stoppers.size() - 1; i >= 0; i--) {
            try {
                stoppers.get(i).close();
            } catch (Exception e) {
                System.err.println("could not stop a test server: " + e);
            }
        }
        stoppers.clear();
        started.clear();
    }
}

package org.openpayer.bulkexport.stack.cli;

import org.openpayer.bulkexport.model.route.PublicUrls;
import org.openpayer.bulkexport.smartclient.ClientAssertion;
import org.openpayer.bulkexport.stack.client.ClientCredentials;
import org.openpayer.bulkexport.stack.demo.DemoClient;
import org.openpayer.bulkexport.stack.demo.DemoDataset;
import org.openpayer.bulkexport.stack.demo.DemoExport;
import org.openpayer.bulkexport.stack.infra.FreePort;
import org.openpayer.bulkexport.stack.infra.InfraEndpoints;
import org.openpayer.bulkexport.stack.infra.InfraPorts;
import org.openpayer.bulkexport.stack.infra.Infrastructure;
import org.openpayer.bulkexport.stack.infra.ManagedProcess;
import org.openpayer.bulkexport.stack.infra.ProjectLayout;
import org.openpayer.bulkexport.stack.infra.ServerKind;
import org.openpayer.bulkexport.stack.suite.Suite;
import org.openpayer.bulkexport.stack.suite.SuitePorts;
import org.openpayer.bulkexport.synthetic.DatasetSpec;
import org.openpayer.bulkexport.synthetic.NdjsonResourceWriter;
import org.openpayer.bulkexport.synthetic.SyntheticDataGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The local stack's command line: {@code up} starts real PostgreSQL, Kafka and S3 servers and the whole suite on
 * fixed local ports, loads the demo payer data, registers a demo client, writes its credentials and runs a demo
 * export; {@code demo} runs the export again; {@code assertion} prints a signed client assertion of the demo client;
 * {@code down} stops, by PID, everything {@code up} started. State lives in {@code .local/} at the repository root.
 */
public final class SuiteCommand {

    private static final int DEFAULT_SYNTHETIC_MEMBERS = 200;

    private final ProjectLayout layout = ProjectLayout.locate();
    private final Path local = layout.localDir();
    private final Path pids = local.resolve("pids");
    private final Path credentialsFile = local.resolve("demo-client.json");

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        SuiteCommand suite = new SuiteCommand();
        switch (command) {
            case "up" -> suite.up();
            case "down" -> suite.down();
            case "demo" -> suite.demo();
            case "assertion" -> suite.assertion();
            default -> {
                System.err.println("usage: SuiteCommand up|down|demo|assertion");
                System.exit(2);
            }
        }
    }

    private void up() throws Exception {
        if (Files.isDirectory(pids) && !runningPids().isEmpty()) {
            throw new IllegalStateException("the local stack is already running; stop it first with down.sh");
        }
        requireFreePorts();
        deleteRecursively(local);
        Files.createDirectories(pids);
        String adminKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Files.writeString(local.resolve("admin-key"), adminKey + "\n");

        List<ManagedProcess> started = new ArrayList<>();
        try {
            System.out.println("Starting PostgreSQL, Kafka and S3 ...");
            Infrastructure infrastructure = Infrastructure.forLocalStack(layout, local);
            InfraEndpoints endpoints = infrastructure.ensure(EnumSet.allOf(ServerKind.class));
            started.addAll(infrastructure.processes());
            writePids(started);
            System.out.println("Starting the services and the gateway ...");
            Suite suite = Suite.start(new Suite.Options(layout, local, endpoints, SuitePorts.localStack(), adminKey,
                    true));
            started.addAll(suite.processes());
            writePids(started);

            System.out.println(suite.admin().loadNdjson(DemoDataset.ndjsonLines()));
            loadSyntheticData(suite);
            ClientCredentials credentials = DemoClient.register(suite.admin(),
                    new PublicUrls(suite.publicBaseUrl()), DemoDataset.EAST);
            credentials.write(credentialsFile);
            System.out.println("Demo client credentials: " + credentialsFile);
            DemoExport.run(credentials, DemoDataset.EAST, System.out);
            printSummary(suite);
        } catch (Exception e) {
            System.err.println("Start-up failed (" + e.getMessage() + "); stopping what was started. Logs: "
                    + local.resolve("logs"));
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).close();
            }
            throw e;
        }
    }

    /**
     * A realistic payer dataset next to the small demo one: {@code DEMO_SYNTHETIC_MEMBERS} members (default
     * {@value #DEFAULT_SYNTHETIC_MEMBERS}, 0 for none) with claims, clinical data, providers and ATR Groups.
     */
    private static void loadSyntheticData(Suite suite) throws IOException {
        int members = Integer.parseInt(System.getenv().getOrDefault("DEMO_SYNTHETIC_MEMBERS",
                String.valueOf(DEFAULT_SYNTHETIC_MEMBERS)));
        if (members <= 0) {
            return;
        }
        DatasetSpec spec = DatasetSpec.builder().members(members).groups(Math.max(1, members / 100)).build();
        StringWriter ndjson = new StringWriter();
        try (NdjsonResourceWriter writer = NdjsonResourceWriter.combined(ndjson)) {
            new SyntheticDataGenerator(spec).generate(writer);
        }
        System.out.println("Synthetic dataset (seed " + spec.seed() + "): "
                + suite.admin().loadNdjson(List.of(ndjson.toString())));
    }

    private void demo() throws Exception {
        DemoExport.run(ClientCredentials.read(credentialsFile), DemoDataset.EAST, System.out);
    }

    /** Prints a fresh signed client assertion of the demo client, for calling the token endpoint by hand. */
    private void assertion() {
        ClientCredentials credentials = ClientCredentials.read(credentialsFile);
        System.out.println(
                ClientAssertion.of(credentials.key(), credentials.clientId(), credentials.tokenUrl()).sign());
    }

    /**
     * Stops what {@code up} started: first every application at once (each shuts down on its own), then the servers
     * they used, newest first, so no application loses its database or broker while it is still stopping.
     */
    private void down() throws IOException {
        if (!Files.isDirectory(pids)) {
            System.out.println("Nothing to stop.");
            return;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(pids)) {
            files = listing.sorted(Comparator.comparing(Path::getFileName).reversed()).toList();
        }
        int servers = EnumSet.allOf(ServerKind.class).size();
        List<Path> applications = files.subList(0, Math.max(0, files.size() - servers));
        applications.parallelStream().forEach(this::stop);
        files.subList(applications.size(), files.size()).forEach(this::stop);
        System.out.println("Local stack stopped. Data and logs stay in " + local + " until the next up.");
    }

    private void stop(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).ifPresent(handle -> {
                System.out.println("Stopping " + pidFile.getFileName() + " (pid " + pid + ")");
                ManagedProcess.stop(handle);
            });
            Files.delete(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Long> runningPids() throws IOException {
        List<Long> running = new ArrayList<>();
        try (Stream<Path> listing = Files.list(pids)) {
            for (Path file : listing.toList()) {
                long pid = Long.parseLong(Files.readString(file).trim());
                ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(handle -> running.add(pid));
            }
        }
        return running;
    }

    /** Pid files are numbered in start order, so {@code down} can stop in reverse. */
    private void writePids(List<ManagedProcess> processes) throws IOException {
        for (int i = 0; i < processes.size(); i++) {
            Files.writeString(pids.resolve("%02d-%s.pid".formatted(i, processes.get(i).name())),
                    processes.get(i).pid() + "\n");
        }
    }

    private static void requireFreePorts() {
        InfraPorts infra = InfraPorts.LOCAL_STACK;
        List<Integer> ports = new ArrayList<>(List.of(infra.postgres(), infra.kafka(), infra.s3()));
        ports.addAll(SuitePorts.localStack().byApp().values());
        List<Integer> busy = ports.stream().filter(FreePort::isListening).sorted().toList();
        if (!busy.isEmpty()) {
            throw new IllegalStateException("ports " + busy + " are in use; the local stack needs them free");
        }
    }

    private void printSummary(Suite suite) {
        System.out.println();
        System.out.println("The suite is running.");
        System.out.println("  FHIR base URL      " + suite.fhirBaseUrl());
        System.out.println("  SMART discovery    " + suite.publicBaseUrl() + "/.well-known/smart-configuration");
        System.out.println("  Demo credentials   " + credentialsFile);
        System.out.println("  Admin key          " + local.resolve("admin-key") + " (header X-Admin-Key)");
        System.out.println("  Logs               " + local.resolve("logs"));
        System.out.println("Run the demo export again with deploy/local-stack/demo.sh; "
                + "stop everything with deploy/local-stack/down.sh");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

package org.openpayer.bulkexport.bench.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.openpayer.bulkexport.model.route.PublicUrls;
import org.openpayer.bulkexport.model.security.AdminCredentials;
import org.openpayer.bulkexport.stack.client.BulkDataClient;
import org.openpayer.bulkexport.stack.client.ClientCredentials;
import org.openpayer.bulkexport.smartclient.ClientKey;
import org.openpayer.bulkexport.stack.client.HttpCalls;
import org.openpayer.bulkexport.stack.client.SmartBackendClient;
import org.openpayer.bulkexport.stack.infra.InfraEndpoints;
import org.openpayer.bulkexport.stack.infra.Infrastructure;
import org.openpayer.bulkexport.stack.infra.ManagedProcess;
import org.openpayer.bulkexport.stack.infra.ProjectLayout;
import org.openpayer.bulkexport.stack.infra.ServerKind;
import org.openpayer.bulkexport.stack.suite.Suite;
import org.openpayer.bulkexport.stack.suite.SuiteApp;
import org.openpayer.bulkexport.stack.suite.SuitePorts;
import org.openpayer.bulkexport.synthetic.DatasetSpec;
import org.openpayer.bulkexport.synthetic.NdjsonResourceWriter;
import org.openpayer.bulkexport.synthetic.SyntheticDataGenerator;
import org.openpayer.bulkexport.synthetic.SyntheticIds;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The export benchmark, one run on one dataset: starts the whole suite (two export instances, as the local stack
 * does) on fresh native servers, loads the synthetic dataset at the chosen scale, then measures a 100-member Group
 * export, the export of every member, the raw limit (the same rows straight from PostgreSQL into S3), downloads
 * through file-service against direct S3 GETs, and each service's peak RSS. Prints a Markdown report (also written to
 * {@code bench/target/export-benchmark.md}); see bench/README.md.
 */
public final class ExportBenchmark {

    private static final String BUCKET = "bulk-export";
    private static final int DEFAULT_MEMBERS = 10_000;
    private static final int MEMBERS_PER_GROUP = 100;
    private static final int WARM_SMALL_GROUP_RUNS = 5;
    private static final int DOWNLOAD_ROUNDS = 5;

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int members = args.length >= 2 && "--members".equals(args[0]) ? Integer.parseInt(args[1]) : DEFAULT_MEMBERS;
        ProjectLayout layout = ProjectLayout.locate();
        Path work = fresh(layout.root().resolve("bench/target/export-bench-work"));
        String adminKey = HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes()).substring(0, 32);
        try (Infrastructure infrastructure = Infrastructure.forTests(work)) {
            InfraEndpoints infra = infrastructure.ensure(EnumSet.allOf(ServerKind.class));
            try (Suite suite = Suite.start(new Suite.Options(layout, work, infra, SuitePorts.free(), adminKey,
                    false))) {
                String report = run(members, work, infra, suite);
                Files.writeString(layout.root().resolve("bench/target/export-benchmark.md"), report);
                System.out.println(report);
            }
        }
    }

    private static String run(int members, Path work, InfraEndpoints infra, Suite suite) throws Exception {
        ExportBenchReport report = new ExportBenchReport(members);
        DatasetSpec spec = DatasetSpec.builder().members(members).groups(Math.max(1, members / MEMBERS_PER_GROUP))
                .build();
        report.dataset(spec.totalResources(), spec.groups(), load(spec, work, suite));

        ClientKey key = ClientKey.es384("bench-" + UUID.randomUUID());
        List<String> groups = new ArrayList<>();
        for (int group = 1; group <= spec.groups(); group++) {
            groups.add(SyntheticIds.group(group));
        }
        String clientId = suite.admin().registerClient("export benchmark", key, List.of("system/*.rs"), groups,
                List.of());
        PublicUrls urls = new PublicUrls(suite.publicBaseUrl());
        SmartBackendClient auth = new SmartBackendClient(new HttpCalls(), new ClientCredentials(clientId,
                urls.tokenUrl(), urls.fhirBase(), "system/*.rs", key.privateJwk()));
        BulkDataClient bulk = new BulkDataClient(new HttpCalls(), auth);

        // The first export after start-up pays for the JIT, connection pools and consumer warm-up: measured, but the
        // steady state is the same export once everything else has run, a few times, since one short run is at the
        // mercy of the scheduler.
        JsonNode cold = awaitManifest(bulk, bulk.kickOffGroupExport(groups.get(0), ""));

        JsonNode all = awaitManifest(bulk, kickOffPatientExport(suite, auth));
        report.population(exportTiming(infra, all));

        report.rawLimit(RawLimit.run(infra, BUCKET));
        List<String> fileUrls = new ArrayList<>();
        all.path("output").forEach(output -> fileUrls.add(output.path("url").asText()));
        Downloads downloads = new Downloads(infra, BUCKET);
        String token = auth.accessToken();
        String fileService = suite.ports().directUrl(SuiteApp.FILE);
        // One untimed round of every way and client first: otherwise the first way measured also pays for the JIT of
        // every hop it crosses (and of the client). Then several rounds, each client in turn, reported by their
        // median: one round of a few seconds is at the mercy of whatever else the machine runs.
        for (Downloads.Client client : Downloads.Client.values()) {
            downloads.measure(client, fileUrls, suite.publicBaseUrl(), fileService, token);
        }
        for (int round = 0; round < DOWNLOAD_ROUNDS; round++) {
            for (Downloads.Client client : Downloads.Client.values()) {
                report.downloads(downloads.measure(client, fileUrls, suite.publicBaseUrl(), fileService, token));
            }
        }

        List<ExportBenchReport.Timing> warm = new ArrayList<>();
        JsonNode small = cold;
        for (int run = 0; run < WARM_SMALL_GROUP_RUNS; run++) {
            small = awaitManifest(bulk, bulk.kickOffGroupExport(groups.get(0), ""));
            warm.add(exportTiming(infra, small));
        }
        report.smallGroup(exportTiming(infra, cold), warm, count(small, "Patient"));

        Map<String, Long> peakRss = new LinkedHashMap<>();
        for (ManagedProcess process : suite.processes()) {
            PeakRss.mebibytes(process.pid()).ifPresent(mib -> peakRss.put(process.name(), mib));
        }
        report.peakRss(peakRss);
        return report.markdown();
    }

    /** Generates the dataset into a file, then streams it to attribution-service's bulk load; returns seconds. */
    private static double load(DatasetSpec spec, Path work, Suite suite) throws Exception {
        Path file = work.resolve("dataset.ndjson");
        try (NdjsonResourceWriter writer = NdjsonResourceWriter.singleFile(file)) {
            new SyntheticDataGenerator(spec).generate(writer);
        }
        long started = System.nanoTime();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(suite.ports().directUrl(SuiteApp.ATTRIBUTION) + "/admin/ndjson"))
                        .header("Content-Type", "application/fhir+ndjson")
                        .header(AdminCredentials.HEADER, suite.adminKey())
                        .timeout(Duration.ofHours(1))
                        .POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("loading the dataset answered " + response.statusCode() + ": "
                    + response.body());
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static String kickOffPatientExport(Suite suite, SmartBackendClient auth) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(suite.fhirBaseUrl() + "/Patient/$export"))
                .header("Authorization", "Bearer " + auth.accessToken())
                .header("Accept", "application/fhir+json").header("Prefer", "respond-async").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("kick-off answered " + response.statusCode() + ": " + response.body());
        }
        return response.headers().firstValue("Content-Location").orElseThrow();
    }

    private static JsonNode awaitManifest(BulkDataClient bulk, String statusUrl) {
        JsonNode manifest = bulk.awaitManifest(statusUrl, Duration.ofHours(1), progress -> { });
        return ((com.fasterxml.jackson.databind.node.ObjectNode) manifest.deepCopy()).put("statusUrl", statusUrl);
    }

    /**
     * The job's own clock: accepted to completed, as export-service recorded it, so the client's polling pace
     * ({@code Retry-After}) is not measured; and the bytes and resources its files hold.
     */
    private static ExportBenchReport.Timing exportTiming(InfraEndpoints infra, JsonNode manifest) throws Exception {
        String statusUrl = manifest.path("statusUrl").asText();
        UUID job = UUID.fromString(statusUrl.substring(statusUrl.lastIndexOf('/') + 1));
        try (Connection connection = DriverManager.getConnection(infra.jdbcUrl(), infra.dbUsername(),
                infra.dbPassword());
             PreparedStatement statement = connection.prepareStatement("""
                     select extract(epoch from j.completed_at - j.created_at),
                       (select coalesce(sum(f.resource_count), 0) from export.export_file f
                        where f.job_id = j.id and f.kind = 'OUTPUT'),
                       (select coalesce(sum(f.byte_count), 0) from export.export_file f
                        where f.job_id = j.id and f.kind = 'OUTPUT'),
                       (select count(*) from export.export_task t where t.job_id = j.id)
                     from export.export_job j where j.id = ?""")) {
            statement.setObject(1, job);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new ExportBenchReport.Timing(row.getDouble(1), row.getLong(2), row.getLong(3), row.getLong(4),
                        manifest.path("output").size());
            }
        }
    }

    private static long count(JsonNode manifest, String type) {
        long count = 0;
        for (JsonNode output : manifest.path("output")) {
            if (type.equals(output.path("type").asText())) {
                count += output.path("count").asLong();
            }
        }
        return count;
    }

    private static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }
}

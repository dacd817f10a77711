package org.openpayer.bulkexport.export.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openpayer.bulkexport.export.ExportTestClient.awaitManifest;
import static org.openpayer.bulkexport.export.ExportTestClient.downloadAll;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.export.ExportTestClient;
import org.openpayer.bulkexport.export.ExportTestResource;
import org.openpayer.bulkexport.export.MemberDataFixture;
import org.openpayer.bulkexport.stack.infra.InfraEndpoints;
import org.openpayer.bulkexport.stack.testing.RealServersResource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Two instances share one job through the consumer group, and one of them stops while the job runs, killed or shut
 * down: its unfinished tasks go to the other instance, and the job completes with every member's resources exactly
 * once and no file name twice. Shutting down pauses work; it never fails a job.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(ExportTestResource.class)
class WorkerFailoverIT {

    private static final String SECOND_WORKER = "worker-b";

    @Test
    void secondInstanceKilledMidJob_jobStillCompletesWithExactCounts() throws Exception {
        exportWhileTheSecondInstanceStops("failover-clinic", Process::destroyForcibly);
    }

    @Test
    void secondInstanceShutDownMidJob_pausesItsTasks_neverFailsTheJob() throws Exception {
        exportWhileTheSecondInstanceStops("rolling-update-clinic", Process::destroy);
    }

    /**
     * Both instances take tasks of one large Group export; once the second has finished a few, it is stopped (killed
     * like a lost pod, or shut down like a pod in a rolling update). The job completes with every member's resources
     * exactly once, exact counts in the manifest and no file twice.
     */
    private static void exportWhileTheSecondInstanceStops(String client, Consumer<Process> stop) throws Exception {
        Process second = startSecondInstance();
        try {
            String token = ExportTestResource.TOKENS.token(client, "system/*.rs",
                    List.of(MemberDataFixture.LARGE_GROUP), List.of());
            String statusUrl = ExportTestClient.kickOff(token,
                    "/fhir/Group/" + MemberDataFixture.LARGE_GROUP + "/$export", "_type=Patient,Coverage");
            UUID job = UUID.fromString(statusUrl.substring(statusUrl.lastIndexOf('/') + 1));

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> tasksDoneBy(job, SECOND_WORKER) >= 3);
            stop.accept(second);
            assertThat(second.waitFor(30, TimeUnit.SECONDS)).as("second instance stopped").isTrue();
            int doneBySecond = tasksDoneBy(job, SECOND_WORKER);

            JsonPath manifest = awaitManifest(token, statusUrl, Duration.ofSeconds(120));
            Map<String, List<String>> lines = downloadAll(manifest);
            List<String> expectedPatients = new ArrayList<>();
            for (int i = 1; i <= MemberDataFixture.LARGE_GROUP_SIZE; i++) {
                String member = MemberDataFixture.largeGroupMember(i);
                expectedPatients.add(MemberDataFixture.content("Patient", member, member, MemberDataFixture.OLD));
            }
            assertThat(lines.get("Patient")).containsExactlyInAnyOrderElementsOf(expectedPatients);
            assertThat(lines.get("Coverage")).hasSize(MemberDataFixture.LARGE_GROUP_SIZE).doesNotHaveDuplicates();
            for (String type : List.of("Patient", "Coverage")) {
                List<Integer> counts = manifest.getList("output.findAll { it.type == '" + type + "' }.count");
                assertThat(counts.stream().mapToInt(Integer::intValue).sum()).as(type + " count in the manifest")
                        .isEqualTo(MemberDataFixture.LARGE_GROUP_SIZE);
            }
            List<String> urls = manifest.getList("output.url");
            assertThat(new HashSet<>(urls)).hasSameSizeAs(urls);
            assertThat(doneBySecond).as("both instances took tasks of the one job")
                    .isBetween(3, 2 * MemberDataFixture.LARGE_GROUP_SIZE - 1);
        } finally {
            second.destroyForcibly();
        }
    }

    /** Another export-service instance, a worker only, on the same servers as the one under test. */
    private static Process startSecondInstance() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:+UseSerialGC"));
        ExportTestResource.appConfig().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-Dquarkus.http.port=0", "-Dexport.worker-id=" + SECOND_WORKER,
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CountDownLatch started = new CountDownLatch(1);
        Thread output = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.contains("started in")) {
                        started.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                // the process was killed
            }
        });
        output.setDaemon(true);
        output.start();
        assertThat(started.await(60, TimeUnit.SECONDS)).as("second instance started").isTrue();
        return process;
    }

    private static int tasksDoneBy(UUID job, String workerId) throws Exception {
        InfraEndpoints endpoints = RealServersResource.infrastructure().endpoints();
        try (Connection connection = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUsername(),
                endpoints.dbPassword());
             PreparedStatement statement = connection.prepareStatement("select count(*) from export.export_task "
                     + "where job_id = ? and worker_id = ? and status = 'COMPLETED'")) {
            statement.setObject(1, job);
            statement.setString(2, workerId);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}

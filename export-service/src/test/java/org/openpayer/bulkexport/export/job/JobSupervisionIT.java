package org.openpayer.bulkexport.export.job;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.openpayer.bulkexport.export.ExportTestClient.awaitManifest;
import static org.openpayer.bulkexport.export.ExportTestClient.downloadAll;
import static org.openpayer.bulkexport.export.ExportTestClient.s3;

import io.minio.ListObjectsArgs;
import io.minio.PutObjectArgs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpayer.bulkexport.export.ExportJobFixture;
import org.openpayer.bulkexport.export.ExportTestResource;
import org.openpayer.bulkexport.export.MemberDataFixture;
import org.openpayer.bulkexport.model.storage.ExportFileKind;
import org.openpayer.bulkexport.model.storage.ExportFileNames;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The life of a job beyond the happy path, against the running service and its real database, Kafka and S3: polling
 * pace, the per-client limit, the supervisor publishing an unreported task again (and giving up), failing a job that
 * runs too long or whose planning stopped, and purging a job past its retention.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(ExportTestResource.class)
class JobSupervisionIT {

    private static final Instant NOW = Instant.now();

    @Test
    void status_polledFasterThanAllowed_is429WithRetryAfter() {
        String client = "fast-poller";
        UUID job = ExportJobFixture.job(client, "IN_PROGRESS", Instant.now(), null, null);
        String token = token(client);

        given().auth().oauth2(token).get(statusPath(job)).then().statusCode(202);
        Response tooSoon = given().auth().oauth2(token).get(statusPath(job));

        tooSoon.then().statusCode(429).body("issue[0].code", equalTo("throttled"));
        assertThat(tooSoon.header("Retry-After")).isNotBlank();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(600)).until(() ->
                given().auth().oauth2(token).get(statusPath(job)).statusCode() == 202);
    }

    @Test
    void kickOff_beyondTheClientsRunningJobs_is429_otherClientsAreNotAffected() {
        String client = "busy-client";
        for (int i = 0; i < ExportTestResource.MAX_RUNNING_JOBS; i++) {
            ExportJobFixture.job(client, i % 2 == 0 ? "ACCEPTED" : "IN_PROGRESS", Instant.now(), null, null);
        }

        Response refused = given().auth().oauth2(token(client)).get(kickOffPath());

        refused.then().statusCode(429).body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", containsString("exports running"));
        assertThat(refused.header("Retry-After")).isNotBlank();
        given().auth().oauth2(token("calm-client")).get(kickOffPath()).then().statusCode(202);
    }

    @Test
    void unreportedTask_isPublishedAgain_andTheJobCompletesWithItsOutput() throws Exception {
        String client = "stuck-client";
        UUID job = ExportJobFixture.job(client, "IN_PROGRESS", NOW, null, 1);
        ExportJobFixture.plannedTask(job, 1, List.of("p1"), NOW.minus(Duration.ofHours(1)), 0);

        var manifest = awaitManifest(token(client), "https://payer.example.test/fhir/bulkstatus/" + job);

        assertThat(downloadAll(manifest).get("Patient")).containsExactly(
                MemberDataFixture.content("Patient", "p1", "p1", MemberDataFixture.OLD));
        assertThat(ExportJobFixture.attempts(job, 1)).isEqualTo(1);
    }

    @Test
    void taskPastItsRetries_failsTheJobWithAReason() {
        String client = "hopeless-client";
        UUID job = ExportJobFixture.job(client, "IN_PROGRESS", NOW, null, 1);
        ExportJobFixture.plannedTask(job, 1, List.of("p1"), NOW.minus(Duration.ofDays(2)), 3);

        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(ExportJobFixture.status(job)));

        given().auth().oauth2(token(client)).get(statusPath(job)).then().statusCode(500)
                .body("issue[0].diagnostics", containsString("did not finish after 4 attempts"));
    }

    @Test
    void jobRunningPastTheTimeout_fails() {
        String client = "slow-client";
        UUID job = ExportJobFixture.job(client, "IN_PROGRESS", NOW.minus(Duration.ofHours(13)), null, null);

        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(ExportJobFixture.status(job)));

        given().auth().oauth2(token(client)).get(statusPath(job)).then().statusCode(500)
                .body("issue[0].diagnostics", containsString("did not finish within 12 hours"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACCEPTED", "IN_PROGRESS"})
    void jobWhosePlanningStopped_failsAskingToStartAgain(String status) {
        String client = "orphaned-client-" + status;
        UUID job = ExportJobFixture.job(client, status, NOW.minus(Duration.ofHours(1)), null, null);

        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(ExportJobFixture.status(job)));

        given().auth().oauth2(token(client)).get(statusPath(job)).then().statusCode(500)
                .body("issue[0].diagnostics", containsString("start the export again"));
    }

    @Test
    void jobPastItsRetention_hasItsFilesPurged_andAnswers404() throws Exception {
        String client = "old-client";
        UUID job = UUID.randomUUID();
        String key = ExportFileNames.objectKey(job, ExportFileNames.fileName(job, 1, 1, ExportFileKind.OUTPUT,
                "Patient"));
        byte[] line = "{}\n".getBytes();
        s3().putObject(PutObjectArgs.builder().bucket("bulk-export").object(key)
                .stream(new ByteArrayInputStream(line), (long) line.length, null).build());
        // stored first: the supervisor may find the job the moment it exists
        ExportJobFixture.job(job, client, "COMPLETED", NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(2)), 0);

        await().atMost(Duration.ofSeconds(20)).until(() -> "EXPIRED".equals(ExportJobFixture.status(job)));

        assertThat(s3().listObjects(ListObjectsArgs.builder().bucket("bulk-export")
                .prefix(ExportFileNames.jobPrefix(job)).recursive(true).build())).isEmpty();
        given().auth().oauth2(token(client)).get(statusPath(job)).then().statusCode(404);
    }

    private static String statusPath(UUID job) {
        return "/fhir/bulkstatus/" + job;
    }

    private static String kickOffPath() {
        return "/fhir/Group/" + MemberDataFixture.GROUP + "/$export?_type=Patient";
    }

    private static String token(String client) {
        return ExportTestResource.TOKENS.token(client, "system/*.rs", List.of(), List.of(MemberDataFixture.NPI));
    }
}

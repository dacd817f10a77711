package org.openpayer.bulkexport.export.kickoff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.openpayer.bulkexport.export.ExportTestClient.awaitManifest;
import static org.openpayer.bulkexport.export.ExportTestClient.download;
import static org.openpayer.bulkexport.export.ExportTestClient.downloadAll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpayer.bulkexport.export.ExportTestClient;
import org.openpayer.bulkexport.export.ExportTestResource;
import org.openpayer.bulkexport.export.MemberDataFixture;
import org.openpayer.bulkexport.model.codec.EventCodec;
import org.openpayer.bulkexport.model.event.ExportCompleted;
import org.openpayer.bulkexport.model.event.ExportLevel;
import org.openpayer.bulkexport.model.event.Topic;
import org.openpayer.bulkexport.model.fhir.atr.AtrVocabulary;
import org.openpayer.bulkexport.model.fhir.atr.DaVinciExportType;
import org.openpayer.bulkexport.stack.testing.RealServersResource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Da Vinci's {@code $davinci-data-export} end to end: ATR's attribution list (the Group itself and the providers its
 * members are attributed to), PDex's export types in both spellings, a {@code patient} subset whose strangers are
 * reported in the error file rather than refused, and the facts a completed provider-download publishes on
 * export-completed for attribution-service's member bookkeeping.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(ExportTestResource.class)
class DaVinciExportIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT = "davinci-clinic";
    private static final String ATR = "hl7.fhir.us.davinci-atr";

    @Test
    void atr_exportsTheGroupAsServed_withItsMembersPatientsAndCoverage() throws Exception {
        String token = token("system/*.rs");

        JsonPath manifest = awaitManifest(token, kickOff(token, "exportType=" + ATR));

        assertThat(manifest.getString("request")).endsWith("/Group/" + MemberDataFixture.GROUP
                + "/$davinci-data-export?exportType=" + ATR);
        Map<String, List<String>> lines = downloadAll(manifest);
        assertThat(lines).containsOnlyKeys("Group", "Patient", "Coverage");
        assertThat(ids(lines.get("Patient"))).containsExactlyInAnyOrder("p1", "p2");
        assertThat(lines.get("Group")).hasSize(1);
        JsonNode group = JSON.readTree(lines.get("Group").get(0));
        assertThat(group.path("id").asText()).isEqualTo(MemberDataFixture.GROUP);
        List<String> members = new ArrayList<>();
        List<String> downloads = new ArrayList<>();
        for (JsonNode member : group.path("member")) {
            assertThat(member.at("/extension/0/url").asText()).isEqualTo(AtrVocabulary.CHANGE_TYPE);
            members.add(member.at("/entity/reference").asText() + " " + member.at("/extension/0/valueCode").asText());
            for (JsonNode extension : member.path("extension")) {
                if (AtrVocabulary.LAST_TRANSMITTED.equals(extension.path("url").asText())) {
                    downloads.add(member.at("/entity/reference").asText() + " "
                            + extension.path("valueDateTime").asText());
                }
            }
        }
        assertThat(downloads).as("PDex provider-download bookkeeping, served as attribution-service serves it")
                .containsExactly("Patient/p1 2025-01-15T08:30:00.000Z");
        assertThat(group.toString()).contains("\"url\":\"" + AtrVocabulary.LAST_TYPES + "\",\"valueString\":\""
                + MemberDataFixture.P1_LAST_TYPES + "\"");
        assertThat(group.at("/meta/versionId").asText()).isEqualTo("2");
        assertThat(members).as("p4 opted out; dropped p3 stays listed as inactive; p2 joined in version 2")
                .containsExactly("Patient/p1 nochange", "Patient/p2 new", "Patient/p3 nochange");
        assertThat(group.toString()).contains(AtrVocabulary.OPTED_OUT);
    }

    @Test
    void atr_elements_subsetTheGroup_whoseMembersAreReadOnlyWhenAskedFor() throws Exception {
        String token = token("system/*.rs");

        JsonNode withoutMembers = exportedGroup(token, "Group.identifier");
        JsonNode withMembers = exportedGroup(token, "Group.member");

        assertThat(withoutMembers.has("member")).isFalse();
        assertThat(withoutMembers.has("extension")).as("the opted-out count is not among the elements").isFalse();
        assertThat(withoutMembers.at("/meta/tag/0/code").asText()).isEqualTo("SUBSETTED");
        assertThat(withMembers.path("member")).hasSize(3);
        assertThat(withMembers.has("extension")).isFalse();
        assertThat(withMembers.at("/meta/tag/0/code").asText()).isEqualTo("SUBSETTED");
    }

    private static JsonNode exportedGroup(String token, String elements) throws Exception {
        JsonPath manifest = awaitManifest(token, kickOff(token,
                "exportType=" + ATR + "&_type=Group&_elements=" + elements));
        List<String> groups = downloadAll(manifest).get("Group");
        assertThat(groups).hasSize(1);
        return JSON.readTree(groups.get(0));
    }

    @Test
    void atr_providers_areThoseTheMembersAreAttributedTo() throws Exception {
        String token = token("system/*.rs");

        JsonPath manifest = awaitManifest(token, kickOff(token,
                "exportType=" + ATR + "&_type=Practitioner,PractitionerRole,Organization,Location"));

        Map<String, List<String>> lines = downloadAll(manifest);
        assertThat(ids(lines.get("Practitioner"))).as("pr9 is attributed only to a dropped and an opted-out member")
                .containsExactly("pr1");
        assertThat(lines.get("PractitionerRole")).containsExactly(MemberDataFixture.roleContent());
        assertThat(ids(lines.get("Organization"))).containsExactly(MemberDataFixture.ORGANIZATION);
        assertThat(ids(lines.get("Location"))).containsExactly("loc1");
    }

    @Test
    void pdex_patientSubset_exportsMembersOnly_andReportsTheOthers() throws Exception {
        String token = token("system/*.rs");
        Response response = given().auth().oauth2(token).header("Prefer", "respond-async")
                .contentType("application/fhir+json")
                .body("{\"resourceType\":\"Parameters\",\"parameter\":["
                        + "{\"name\":\"exportType\",\"valueString\":\"hl7.fhir.us.davinci-pdex#provider-download\"},"
                        + "{\"name\":\"_type\",\"valueString\":\"Patient,Coverage,PractitionerRole,Practitioner\"},"
                        + "{\"name\":\"patient\",\"valueReference\":{\"reference\":\"Patient/p1\"}},"
                        + "{\"name\":\"patient\",\"valueReference\":{\"reference\":\"Patient/p3\"}},"
                        + "{\"name\":\"patient\",\"valueReference\":{\"reference\":\"Patient/nobody\"}}]}")
                .post(kickOffPath());
        response.then().statusCode(202);

        JsonPath manifest = awaitManifest(token, response.header("Content-Location"));

        Map<String, List<String>> lines = downloadAll(manifest);
        assertThat(lines).containsOnlyKeys("Patient", "Coverage", "Practitioner");
        assertThat(ids(lines.get("Patient"))).containsExactly("p1");
        assertThat(ids(lines.get("Practitioner"))).containsExactly("pr1");
        List<String> errors = download(manifest, "error").get("OperationOutcome");
        assertThat(errors).hasSize(2);
        assertThat(String.join("\n", errors)).contains("Patient/p3", "Patient/nobody", "not-found");
    }

    @Test
    void pdexProviderDownload_completion_publishesTheFactsAttributionBooksMembersFrom() {
        String token = token("system/*.rs");
        try (KafkaConsumer<String, byte[]> completions = completionsConsumer()) {
            // given: the seed-data spelling, _type given twice, and a patient subset
            Response response = given().auth().oauth2(token).contentType("application/fhir+json")
                    .body("{\"resourceType\":\"Parameters\",\"parameter\":["
                            + "{\"name\":\"exportType\",\"valueString\":\"hl7.fhir.us.davinci-pdex\"},"
                            + "{\"name\":\"exportMode\",\"valueString\":\"provider-download\"},"
                            + "{\"name\":\"_type\",\"valueString\":\"Patient\"},"
                            + "{\"name\":\"_type\",\"valueString\":\"Coverage\"},"
                            + "{\"name\":\"_typeFilter\",\"valueString\":\"Coverage?status=active\"},"
                            + "{\"name\":\"_until\",\"valueInstant\":\"2025-12-01T00:00:00Z\"},"
                            + "{\"name\":\"patient\",\"valueReference\":{\"reference\":\"Patient/p1\"}}]}")
                    .post(kickOffPath());
            response.then().statusCode(202);
            String statusUrl = response.header("Content-Location");

            // when
            JsonPath manifest = awaitManifest(token, statusUrl);

            // then
            ExportCompleted completed = completionOf(completions, statusUrl.substring(statusUrl.lastIndexOf('/') + 1));
            assertThat(completed.clientId()).isEqualTo(CLIENT);
            assertThat(completed.request()).isEqualTo(new ExportCompleted.Request(ExportLevel.GROUP,
                    MemberDataFixture.GROUP, DaVinciExportType.PROVIDER_DOWNLOAD.code(),
                    Instant.parse(manifest.getString("transactionTime")), null,
                    Instant.parse("2025-12-01T00:00:00Z"), List.of("p1"), "Patient,Coverage",
                    "Coverage?status=active"));
        }
    }

    @Test
    void pdex_seedDataForm_withExportMode_isAccepted() {
        String token = token("system/*.rs");
        Response response = given().auth().oauth2(token).contentType("application/fhir+json")
                .body("{\"resourceType\":\"Parameters\",\"parameter\":["
                        + "{\"name\":\"exportType\",\"valueString\":\"hl7.fhir.us.davinci-pdex\"},"
                        + "{\"name\":\"exportMode\",\"valueString\":\"provider-snapshot\"},"
                        + "{\"name\":\"_type\",\"valueString\":\"Coverage\"}]}")
                .post(kickOffPath());
        response.then().statusCode(202);

        JsonPath manifest = awaitManifest(token, response.header("Content-Location"));
        assertThat(manifest.getList("output.type")).containsOnly("Coverage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"exportType=hl7.fhir.us.davinci-pdex%23provider-delta",
            "exportType=hl7.fhir.us.davinci-pdex%23everything", "exportMode=provider-delta",
            "exportType=" + ATR + "&_type=Observation"})
    void kickOff_badExportTypeOrTypes_is400(String query) {
        given().auth().oauth2(token("system/*.rs")).urlEncodingEnabled(false)
                .get(kickOffPath() + "?" + query)
                .then().statusCode(400).body("resourceType", org.hamcrest.Matchers.equalTo("OperationOutcome"));
    }

    @Test
    void bulkExport_hasNoExportType_andAnotherProvidersGroupIs404() {
        given().auth().oauth2(token("system/*.rs")).urlEncodingEnabled(false)
                .get("/fhir/Group/" + MemberDataFixture.GROUP + "/$export?exportType=" + ATR)
                .then().statusCode(400).body("issue[0].diagnostics", containsString("exportType"));
        given().auth().oauth2(token("system/*.rs"))
                .get("/fhir/Group/" + MemberDataFixture.OTHER_GROUP + "/$davinci-data-export")
                .then().statusCode(404);
    }

    private static List<String> ids(List<String> lines) throws Exception {
        List<String> ids = new ArrayList<>();
        for (String line : lines == null ? List.<String>of() : lines) {
            ids.add(JSON.readTree(line).path("id").asText());
        }
        return ids;
    }

    /** Reads export-completed from its start: a completion may be published before the consumer is assigned. */
    private static KafkaConsumer<String, byte[]> completionsConsumer() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealServersResource.infrastructure().endpoints().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "davinci-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topic.EXPORT_COMPLETED.topicName()));
        return consumer;
    }

    /** The job's export-completed event (keyed by job id). */
    private static ExportCompleted completionOf(KafkaConsumer<String, byte[]> consumer, String jobId) {
        List<ExportCompleted> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (jobId.equals(record.key())) {
                    found.add(EventCodec.fromJson(record.value(), ExportCompleted.class));
                }
            }
            return !found.isEmpty();
        });
        return found.get(0);
    }

    private static String kickOff(String token, String query) {
        return ExportTestClient.kickOff(token, kickOffPath(), query);
    }

    private static String kickOffPath() {
        return "/fhir/Group/" + MemberDataFixture.GROUP + "/$davinci-data-export";
    }

    private static String token(String scope) {
        return ExportTestResource.TOKENS.token(CLIENT, scope, List.of(), List.of(MemberDataFixture.NPI));
    }
}

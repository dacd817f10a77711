package org.openpayer.bulkexport.export.kickoff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.openpayer.bulkexport.export.ExportTestClient.awaitManifest;
import static org.openpayer.bulkexport.export.ExportTestClient.download;
import static org.openpayer.bulkexport.export.ExportTestClient.downloadAll;
import static org.openpayer.bulkexport.export.ExportTestClient.path;
import static org.openpayer.bulkexport.export.ExportTestClient.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpayer.bulkexport.export.ExportTestClient;
import org.openpayer.bulkexport.export.ExportTestResource;
import org.openpayer.bulkexport.export.MemberDataFixture;
import org.openpayer.bulkexport.model.storage.ExportFileNames;
import org.openpayer.bulkexport.model.storage.ExportObjectMetadata;
import org.openpayer.bulkexport.stack.infra.InfraEndpoints;
import org.openpayer.bulkexport.stack.testing.RealServersResource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Group export end to end inside export-service: kick-off, planning and workers over a real Kafka, files in a real S3
 * server, member data read from PostgreSQL, and the manifest. Plus every refusal of the kick-off and status URLs.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(ExportTestResource.class)
class GroupExportIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CLIENT = "east-clinic";

    @Test
    void groupExport_exportsCurrentMembersDataExactlyOnce() throws Exception {
        // given
        String token = token(CLIENT, "system/*.rs");

        // when
        String statusUrl = kickOff(token, "_type=Patient,Coverage&_type=Observation");
        JsonPath manifest = awaitManifest(token, statusUrl);

        // then: p3 was dropped from the Group, p4 opted out of provider access, o3 is deleted
        assertThat(manifest.getBoolean("requiresAccessToken")).isTrue();
        assertThat(manifest.getList("error")).isEmpty();
        assertThat(manifest.getString("request")).isEqualTo(ExportTestResource.PUBLIC_BASE_URL
                + "/fhir/Group/" + MemberDataFixture.GROUP + "/$export?_type=Patient,Coverage&_type=Observation");
        assertThat(manifest.getString("transactionTime")).isNotBlank();
        Map<String, List<String>> linesByType = downloadAll(manifest);
        assertThat(linesByType.get("Patient")).containsExactlyInAnyOrder(
                content("Patient", "p1", "p1"), content("Patient", "p2", "p2"));
        assertThat(linesByType.get("Coverage")).containsExactlyInAnyOrder(
                content("Coverage", "c1", "p1"), content("Coverage", "c2", "p2"));
        assertThat(linesByType.get("Observation")).containsExactlyInAnyOrder(
                MemberDataFixture.content("Observation", "o1", "p1", MemberDataFixture.OLD),
                MemberDataFixture.content("Observation", "o2", "p2", MemberDataFixture.RECENT));
        List<Map<String, Object>> outputs = manifest.getList("output");
        assertThat(outputs).allSatisfy(output -> assertThat((String) output.get("url"))
                .startsWith(ExportTestResource.PUBLIC_BASE_URL + "/files/"));
        assertThat(outputs.stream().mapToInt(output -> (Integer) output.get("count")).sum()).isEqualTo(6);
    }

    @Test
    void groupExport_filesCarryTheirOwnerForFileService() throws Exception {
        String token = token(CLIENT, "system/Patient.rs");

        JsonPath manifest = awaitManifest(token, kickOff(token, "_type=Patient"));

        String url = manifest.getString("output[0].url");
        String[] path = url.substring(url.indexOf("/files/") + "/files/".length()).split("/");
        StatObjectResponse stat = s3().statObject(StatObjectArgs.builder().bucket("bulk-export")
                .object(ExportFileNames.objectKey(UUID.fromString(path[0]), path[1])).build());
        assertThat(stat.userMetadata().getFirst(ExportObjectMetadata.CLIENT_ID)).isEqualTo(CLIENT);
        assertThat(stat.userMetadata().getFirst(ExportObjectMetadata.RESOURCE_TYPE)).isEqualTo("Patient");
        assertThat(stat.contentType()).isEqualTo("application/fhir+ndjson");
    }

    @Test
    void since_appliesToEachResourceNotToThePatient_butNewMembersGetTheirWholeRecord() throws Exception {
        String token = token(CLIENT, "system/*.rs");

        JsonPath manifest = awaitManifest(token,
                kickOff(token, "_type=Observation,Patient,Coverage&_since=2021-01-01T00:00:00Z"));

        // p1 was a member before _since: only what changed since (nothing); p2 joined after: everything
        Map<String, List<String>> linesByType = downloadAll(manifest);
        assertThat(linesByType.get("Observation")).containsExactly(
                MemberDataFixture.content("Observation", "o2", "p2", MemberDataFixture.RECENT));
        assertThat(linesByType.get("Patient")).containsExactly(content("Patient", "p2", "p2"));
        assertThat(linesByType.get("Coverage")).containsExactly(content("Coverage", "c2", "p2"));
    }

    @Test
    void since_resourcesDeletedAfterIt_goToDeleted_neverToOutput() throws Exception {
        String token = token(CLIENT, "system/*.rs");

        JsonPath manifest = awaitManifest(token, kickOff(token, "_type=Observation&_since=2021-01-01T00:00:00Z"));

        assertThat(manifest.getList("deleted.type")).containsExactly("Bundle");
        JsonNode bundle = JSON.readTree(download(manifest, "deleted").get("Bundle").get(0));
        assertThat(bundle.path("type").asText()).isEqualTo("transaction");
        assertThat(bundle.at("/entry/0/request/method").asText()).isEqualTo("DELETE");
        assertThat(bundle.at("/entry/0/request/url").asText()).isEqualTo("Observation/o3");
        assertThat(downloadAll(manifest).get("Observation")).noneMatch(line -> line.contains("\"o3\""));
        JsonPath later = awaitManifest(token, kickOff(token, "_type=Observation&_since=2025-07-01T00:00:00Z"));
        assertThat(later.getList("deleted")).as("deleted before _since").isEmpty();
        assertThat(awaitManifest(token, kickOff(token, "_type=Observation")).getList("deleted"))
                .as("without _since nothing is reported deleted").isEmpty();
    }

    @Test
    void emptyGroup_completesWithEmptyOutput() {
        String token = token(CLIENT, "system/*.rs");

        JsonPath manifest = awaitManifest(token, kickOff(token, MemberDataFixture.EMPTY_GROUP, ""));

        assertThat(manifest.getList("output")).isEmpty();
        assertThat(manifest.getList("error")).isEmpty();
    }

    @Test
    void kickOff_withoutTypes_exportsEveryReadableCompartmentType() {
        String token = token(CLIENT, "system/Patient.read system/Observation.read");

        JsonPath manifest = awaitManifest(token, kickOff(token, ""));

        assertThat(manifest.getList("output.type")).containsOnly("Patient", "Observation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/fhir+ndjson", "application/ndjson", "ndjson"})
    void kickOff_eachNdjsonAlias_isAccepted(String format) {
        given().auth().oauth2(token(CLIENT, "system/*.rs"))
                .queryParam("_outputFormat", format).queryParam("_type", "Patient")
                .get(kickOffPath(MemberDataFixture.GROUP))
                .then().statusCode(202);
    }

    @Test
    void kickOff_withoutToken_is401() {
        given().get(kickOffPath(MemberDataFixture.GROUP))
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void kickOff_anotherProvidersGroup_is404() {
        given().auth().oauth2(token(CLIENT, "system/*.rs")).get(kickOffPath(MemberDataFixture.OTHER_GROUP))
                .then().statusCode(404)
                .body("issue[0].code", equalTo("not-found"));
    }

    @Test
    void kickOff_unknownGroup_is404() {
        given().auth().oauth2(token(CLIENT, "system/*.rs")).get(kickOffPath("no-such-group"))
                .then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"_outputFormat=text/csv", "_type=Foo", "_type=Organization",
            "_since=2021-01-01", "_since=yesterday", "_until=soon", "_elements=Observation.code.coding",
            "_typeFilter=Patient%3Fgender%3Dfemale", "patient=Patient/p1", "_bogus=1"})
    void kickOff_badOrUnsupportedParameter_is400NamingIt(String query) {
        Response response = given().auth().oauth2(token(CLIENT, "system/*.rs"))
                .get(kickOffPath(MemberDataFixture.GROUP) + "?" + query);

        response.then().statusCode(400).body("resourceType", equalTo("OperationOutcome"));
        assertThat(response.jsonPath().getString("issue[0].diagnostics"))
                .contains(query.substring(0, query.indexOf('=')));
    }

    @Test
    void kickOff_typeTheTokenCannotRead_is403() {
        given().auth().oauth2(token(CLIENT, "system/Patient.rs"))
                .queryParam("_type", "Patient,Coverage")
                .get(kickOffPath(MemberDataFixture.GROUP))
                .then().statusCode(403)
                .body("issue[0].code", equalTo("forbidden"));
    }

    @Test
    void until_leavesOutWhatChangedAtOrAfterIt() throws Exception {
        String token = token(CLIENT, "system/*.rs");

        JsonPath manifest = awaitManifest(token, kickOff(token, "_type=Observation&_until=2024-01-01T00:00:00Z"));

        assertThat(downloadAll(manifest).get("Observation")).containsExactly(
                MemberDataFixture.content("Observation", "o1", "p1", MemberDataFixture.OLD));
    }

    @Test
    void elements_subsetTheTypesTheyName_andTagThem() throws Exception {
        String token = token(CLIENT, "system/*.rs");

        JsonPath manifest = awaitManifest(token, kickOff(token, "_type=Observation,Coverage&_elements=Observation.id"));

        Map<String, List<String>> lines = downloadAll(manifest);
        JsonNode o1 = JSON.readTree(lines.get("Observation").stream().filter(line -> line.contains("\"o1\""))
                .findFirst().orElseThrow());
        assertThat(o1.has("subject")).as("not listed, not required").isFalse();
        assertThat(o1.at("/meta/tag/0/code").asText()).isEqualTo("SUBSETTED");
        assertThat(o1.at("/meta/versionId").asText()).isEqualTo("1");
        assertThat(lines.get("Coverage")).as("a type the selection does not name is whole")
                .contains(content("Coverage", "c1", "p1"));
    }

    @Test
    void kickOffByPost_takesItsParametersFromTheBody() throws Exception {
        String token = token(CLIENT, "system/*.rs");
        Response response = given().auth().oauth2(token).header("Prefer", "respond-async")
                .contentType("application/fhir+json")
                .body("{\"resourceType\":\"Parameters\",\"parameter\":["
                        + "{\"name\":\"_outputFormat\",\"valueString\":\"application/fhir+ndjson\"},"
                        + "{\"name\":\"_type\",\"valueString\":\"Observation\"},"
                        + "{\"name\":\"_since\",\"valueInstant\":\"2021-01-01T00:00:00Z\"}]}")
                .post(kickOffPath(MemberDataFixture.GROUP));
        response.then().statusCode(202);

        JsonPath manifest = awaitManifest(token, response.header("Content-Location"));
        assertThat(manifest.getString("request")).isEqualTo(
                ExportTestResource.PUBLIC_BASE_URL + "/fhir/Group/" + MemberDataFixture.GROUP + "/$export");
        assertThat(downloadAll(manifest).get("Observation")).containsExactly(
                MemberDataFixture.content("Observation", "o2", "p2", MemberDataFixture.RECENT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"resourceType\":\"Patient\"}", "not json",
            "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"_type\"}]}",
            "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"patient\","
                    + "\"valueReference\":{\"reference\":\"Patient/p3\"}}]}",
            "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"_until\","
                    + "\"valueInstant\":\"2020-01-01T00:00:00Z\"},{\"name\":\"_since\","
                    + "\"valueInstant\":\"2021-01-01T00:00:00Z\"}]}"})
    void kickOffByPost_badBody_is400(String body) {
        given().auth().oauth2(token(CLIENT, "system/*.rs")).contentType("application/fhir+json").body(body)
                .post(kickOffPath(MemberDataFixture.GROUP))
                .then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void patient_exportsOnlyTheNamedMembers() throws Exception {
        String token = token(CLIENT, "system/*.rs");
        Response response = given().auth().oauth2(token).contentType("application/fhir+json")
                .body("{\"resourceType\":\"Parameters\",\"parameter\":["
                        + "{\"name\":\"_type\",\"valueString\":\"Patient,Coverage\"},"
                        + "{\"name\":\"patient\",\"valueReference\":{\"reference\":\"Patient/p2\"}}]}")
                .post(kickOffPath(MemberDataFixture.GROUP));
        response.then().statusCode(202);

        Map<String, List<String>> lines = downloadAll(awaitManifest(token, response.header("Content-Location")));
        assertThat(lines.get("Patient")).containsExactly(content("Patient", "p2", "p2"));
        assertThat(lines.get("Coverage")).containsExactly(content("Coverage", "c2", "p2"));
    }

    @Test
    void patient_namingAnOptedOutOrFormerMember_is400NamingThem() {
        given().auth().oauth2(token(CLIENT, "system/*.rs")).contentType("application/fhir+json")
                .body("{\"resourceType\":\"Parameters\",\"parameter\":["
                        + "{\"name\":\"patient\",\"valueReference\":{\"reference\":\"Patient/p1\"}},"
                        + "{\"name\":\"patient\",\"valueReference\":{\"reference\":\"Patient/p4\"}}]}")
                .post(kickOffPath(MemberDataFixture.GROUP))
                .then().statusCode(400)
                .body("issue[0].diagnostics", containsString("Patient/p4"));
    }

    @Test
    void kickOffByPost_withParametersInTheUrl_is400() {
        given().auth().oauth2(token(CLIENT, "system/*.rs")).contentType("application/fhir+json")
                .body("{\"resourceType\":\"Parameters\"}")
                .post(kickOffPath(MemberDataFixture.GROUP) + "?_type=Patient")
                .then().statusCode(400);
    }

    @Test
    void status_ofAnotherClientsJob_is404() {
        String statusUrl = kickOff(token(CLIENT, "system/*.rs"), "_type=Patient");

        given().auth().oauth2(token("someone-else", "system/*.rs", MemberDataFixture.GROUP)).get(path(statusUrl))
                .then().statusCode(404);
        given().get(path(statusUrl)).then().statusCode(401);
    }

    @Test
    void delete_thenStatusAndSecondDelete_are404AndFilesAreGone() throws Exception {
        // given
        String token = token(CLIENT, "system/*.rs");
        String statusUrl = kickOff(token, "_type=Patient");
        JsonPath manifest = awaitManifest(token, statusUrl);
        String fileUrl = manifest.getString("output[0].url");

        // when
        given().auth().oauth2(token).delete(path(statusUrl)).then().statusCode(202);

        // then
        given().auth().oauth2(token).get(path(statusUrl)).then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"));
        given().auth().oauth2(token).delete(path(statusUrl)).then().statusCode(404);
        String[] parts = fileUrl.substring(fileUrl.indexOf("/files/") + 7).split("/");
        assertThat(s3().listObjects(io.minio.ListObjectsArgs.builder().bucket("bulk-export")
                .prefix(ExportFileNames.jobPrefix(UUID.fromString(parts[0]))).recursive(true).build()))
                .isEmpty();
    }

    @Test
    void status_unknownOrMalformedJobId_is404() {
        String token = token(CLIENT, "system/*.rs");
        given().auth().oauth2(token).get("/fhir/bulkstatus/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(token).get("/fhir/bulkstatus/not-a-job").then().statusCode(404);
    }

    private static String kickOff(String token, String query) {
        return kickOff(token, MemberDataFixture.GROUP, query);
    }

    private static String kickOff(String token, String group, String query) {
        return ExportTestClient.kickOff(token, kickOffPath(group), query);
    }

    private static String content(String type, String id, String patient) {
        return MemberDataFixture.content(type, id, patient, MemberDataFixture.OLD);
    }

    private static String kickOffPath(String group) {
        return "/fhir/Group/" + group + "/$export";
    }

    private static String token(String client, String scope) {
        return ExportTestResource.TOKENS.token(client, scope, List.of(), List.of(MemberDataFixture.NPI));
    }

    private static String token(String client, String scope, String groupId) {
        return ExportTestResource.TOKENS.token(client, scope, List.of(groupId), List.of());
    }
}

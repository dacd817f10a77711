package org.openpayer.bulkexport.export.kickoff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openpayer.bulkexport.export.ExportTestClient.awaitManifest;
import static org.openpayer.bulkexport.export.ExportTestClient.download;
import static org.openpayer.bulkexport.export.ExportTestClient.downloadAll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.export.ExportTestClient;
import org.openpayer.bulkexport.export.ExportTestResource;
import org.openpayer.bulkexport.export.MemberDataFixture;

import java.util.List;
import java.util.Map;

/**
 * {@code _typeFilter}, {@code includeAssociatedData} and {@code Prefer: handling=lenient} end to end: filters are
 * applied by the workers over the member data's search index, and what a lenient kick-off ignored is reported in the
 * manifest's error file, one OperationOutcome each.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(ExportTestResource.class)
class ExportFiltersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT = "filter-clinic";

    @Test
    void typeFilter_narrowsItsTypeOnly_andQueriesOfOneTypeAreOred() throws Exception {
        String token = token("system/*.rs");

        JsonPath manifest = awaitManifest(token, kickOff(token, "_type=Observation,Coverage,Patient"
                + "&_typeFilter=" + encode("Observation?category=" + MemberDataFixture.OBSERVATION_CATEGORY
                + "|laboratory")));

        Map<String, List<String>> lines = downloadAll(manifest);
        assertThat(ids(lines.get("Observation"))).containsExactly("o1");
        assertThat(ids(lines.get("Coverage"))).as("no filter for Coverage").containsExactlyInAnyOrder("c1", "c2");
        assertThat(ids(lines.get("Patient"))).containsExactlyInAnyOrder("p1", "p2");

        JsonPath ored = awaitManifest(token, kickOff(token, "_type=Observation,Coverage"
                + "&_typeFilter=" + encode("Coverage?status=active") + "," + encode("Coverage?status=cancelled")
                + "&_typeFilter=" + encode("Observation?category=vital-signs")));
        Map<String, List<String>> oredLines = downloadAll(ored);
        assertThat(ids(oredLines.get("Coverage"))).containsExactlyInAnyOrder("c1", "c2");
        assertThat(ids(oredLines.get("Observation"))).containsExactly("o2");
    }

    @Test
    void typeFilter_matchingNothing_exportsNoFileForTheType() {
        String token = token("system/*.rs");

        JsonPath manifest = awaitManifest(token,
                kickOff(token, "_type=Coverage&_typeFilter=" + encode("Coverage?status=draft")));

        assertThat(manifest.getList("output")).isEmpty();
    }

    @Test
    void typeFilter_resultParameter_is400UnlessLenient_whichLeavesTheTypeOut() throws Exception {
        String token = token("system/*.rs");
        String query = "_type=Coverage,Patient&_typeFilter=" + encode("Coverage?status=active&_sort=status");

        Response strict = given().auth().oauth2(token).urlEncodingEnabled(false)
                .get(kickOffPath() + "?" + query);
        strict.then().statusCode(400);
        assertThat(strict.jsonPath().getString("issue[0].diagnostics")).contains("_sort");

        String statusUrl = lenientKickOff(token, query);
        JsonPath manifest = awaitManifest(token, statusUrl);
        assertThat(downloadAll(manifest)).as("an ignored filter never widens the export")
                .containsOnlyKeys("Patient");
        List<String> errors = download(manifest, "error").get("OperationOutcome");
        assertThat(errors).hasSize(2);
        assertThat(errors).anyMatch(line -> line.contains("_sort")).anyMatch(line -> line.contains("not exported"));
    }

    @Test
    void lenient_ignoredParameters_eachGetAnOperationOutcomeInTheErrorFile() throws Exception {
        String token = token("system/*.rs");

        JsonPath manifest = awaitManifest(token,
                lenientKickOff(token, "_type=Coverage,Foo&organizeOutputBy=Patient&includeAssociatedData=_mine"));

        assertThat(downloadAll(manifest)).containsOnlyKeys("Coverage");
        assertThat(manifest.getList("error.type")).containsExactly("OperationOutcome");
        List<String> errors = download(manifest, "error").get("OperationOutcome");
        assertThat(errors).hasSize(3);
        for (String line : errors) {
            JsonNode outcome = JSON.readTree(line);
            assertThat(outcome.path("resourceType").asText()).isEqualTo("OperationOutcome");
            assertThat(outcome.at("/issue/0/severity").asText()).isEqualTo("warning");
        }
        assertThat(String.join("\n", errors)).contains("Foo", "organizeOutputBy", "_mine");
    }

    @Test
    void includeAssociatedData_addsProvenance_evenWhenTypeLeavesItOut() {
        String token = token("system/*.rs");
        String statusUrl = kickOff(token, "_type=Coverage&includeAssociatedData=RelevantProvenanceResources");

        JsonPath manifest = awaitManifest(token, statusUrl);

        assertThat(manifest.getList("error")).isEmpty();
        assertThat(manifest.getList("output.type")).containsOnly("Coverage");
        given().auth().oauth2(token("system/Coverage.rs")).urlEncodingEnabled(false)
                .get(kickOffPath() + "?_type=Coverage&includeAssociatedData=LatestProvenanceResources")
                .then().statusCode(403);
    }

    private static List<String> ids(List<String> lines) throws Exception {
        if (lines == null) {
            return List.of();
        }
        List<String> ids = new java.util.ArrayList<>();
        for (String line : lines) {
            ids.add(JSON.readTree(line).path("id").asText());
        }
        return ids;
    }

    private static String lenientKickOff(String token, String query) {
        Response response = given().auth().oauth2(token).header("Prefer", "respond-async")
                .header("Prefer", "handling=lenient").urlEncodingEnabled(false)
                .get(kickOffPath() + "?" + query);
        response.then().statusCode(202);
        return response.header("Content-Location");
    }

    private static String kickOff(String token, String query) {
        return ExportTestClient.kickOff(token, kickOffPath(), query);
    }

    private static String encode(String query) {
        return java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String kickOffPath() {
        return "/fhir/Group/" + MemberDataFixture.GROUP + "/$export";
    }

    private static String token(String scope) {
        return ExportTestResource.TOKENS.token(CLIENT, scope, List.of(), List.of(MemberDataFixture.NPI));
    }
}

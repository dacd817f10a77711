package org.openpayer.bulkexport.export.kickoff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openpayer.bulkexport.export.ExportTestClient.awaitManifest;
import static org.openpayer.bulkexport.export.ExportTestClient.downloadAll;
import static org.openpayer.bulkexport.export.ExportTestClient.kickOff;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.export.ExportTestResource;
import org.openpayer.bulkexport.export.MemberDataFixture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Patient- and system-level export: the population is the active, not opted-out members of every Group the token
 * grants, and the system level adds the provider directory.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(ExportTestResource.class)
class PopulationExportIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void patientLevel_exportsTheMembersOfEveryGrantedGroup() throws Exception {
        String oneGroup = token(List.of(MemberDataFixture.GROUP));
        String twoGroups = token(List.of(MemberDataFixture.GROUP, MemberDataFixture.OTHER_GROUP));

        assertThat(patients(awaitManifest(oneGroup, kickOff(oneGroup, "/fhir/Patient/$export", "_type=Patient"))))
                .as("p3 is inactive in g-export, p4 opted out").containsExactlyInAnyOrder("p1", "p2");
        assertThat(patients(awaitManifest(twoGroups, kickOff(twoGroups, "/fhir/Patient/$export", "_type=Patient"))))
                .as("p3 is active in g-other").containsExactlyInAnyOrder("p1", "p2", "p3");
    }

    @Test
    void patientLevel_patientParameter_narrowsToTheNamedMembers() throws Exception {
        String twoGroups = token(List.of(MemberDataFixture.GROUP, MemberDataFixture.OTHER_GROUP));
        Response response = given().auth().oauth2(twoGroups).contentType("application/fhir+json")
                .body("{\"resourceType\":\"Parameters\",\"parameter\":["
                        + "{\"name\":\"_type\",\"valueString\":\"Patient\"},"
                        + "{\"name\":\"patient\",\"valueReference\":{\"reference\":\"Patient/p3\"}}]}")
                .post("/fhir/Patient/$export");
        response.then().statusCode(202);

        assertThat(patients(awaitManifest(twoGroups, response.header("Content-Location")))).containsExactly("p3");
    }

    @Test
    void systemLevel_addsTheDirectory() throws Exception {
        String token = token(List.of(MemberDataFixture.GROUP));

        JsonPath manifest = awaitManifest(token, kickOff(token, "/fhir/$export", "_type=Organization,Patient"));

        Map<String, List<String>> lines = downloadAll(manifest);
        assertThat(lines.get("Organization")).containsExactly(MemberDataFixture.content("Organization",
                MemberDataFixture.ORGANIZATION, null, MemberDataFixture.OLD));
        assertThat(lines.get("Patient")).hasSize(2);
        assertThat(manifest.getString("request")).endsWith("/fhir/$export?_type=Organization,Patient");
    }

    @Test
    void typesOutsideTheLevel_are400() {
        String token = token(List.of(MemberDataFixture.GROUP));
        given().auth().oauth2(token).get("/fhir/Patient/$export?_type=Organization").then().statusCode(400);
        given().auth().oauth2(token).get("/fhir/$export?_type=Group").then().statusCode(400);
    }

    @Test
    void withoutAnyGrantedGroup_thePatientLevelExportsNothing() {
        String token = token(List.of());

        JsonPath manifest = awaitManifest(token, kickOff(token, "/fhir/Patient/$export", "_type=Patient"));

        assertThat(manifest.getList("output")).isEmpty();
    }

    private static List<String> patients(JsonPath manifest) throws Exception {
        List<String> ids = new ArrayList<>();
        for (String line : downloadAll(manifest).getOrDefault("Patient", List.of())) {
            ids.add(JSON.readTree(line).path("id").asText());
        }
        return ids;
    }

    private static String token(List<String> groups) {
        return ExportTestResource.TOKENS.token("population-client", "system/*.rs", groups, List.of());
    }
}

package org.openpayer.bulkexport.attribution.load;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.AttributionTestResource;
import org.openpayer.bulkexport.attribution.DemoData;
import org.openpayer.bulkexport.stack.demo.DemoDataset;

import java.util.Arrays;
import java.util.List;

/** Bulk NDJSON loads on a real database: all or nothing, precise errors, operator key only. */
@QuarkusIntegrationTest
@QuarkusTestResource(AttributionTestResource.class)
class NdjsonLoadIT {

    @Test
    void load_demoDataset_reportsCountsPerType() {
        DemoData.load(String.join("\n", DemoDataset.ndjsonLines()))
                .then().statusCode(200)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].severity", equalTo("information"))
                .body("issue[0].diagnostics", containsString("Patient 100"));
    }

    @Test
    void load_withoutAdminKey_is401AndStoresNothing() {
        given().contentType("application/fhir+ndjson").body(group("g-no-key", "pat-001").getBytes())
                .post("/admin/ndjson")
                .then().statusCode(401);

        readGroup("g-no-key").then().statusCode(404);
    }

    @Test
    void load_invalidLine_is400NamingTheLineAndStoresNothing() {
        // given: a valid Group, then a Patient with an element R4 does not have
        String ndjson = group("g-rollback", "pat-001") + "\n"
                + "{\"resourceType\":\"Patient\",\"id\":\"bad\",\"favouriteColour\":\"blue\"}\n";

        // when
        DemoData.load(ndjson)
                .then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", containsString("Line 2"));

        // then: the valid line before it was rolled back too
        readGroup("g-rollback").then().statusCode(404);
    }

    @Test
    void load_missingRequiredElement_is422NamingTheLineAndElement() {
        DemoData.load("{\"resourceType\":\"Practitioner\",\"id\":\"p-ok\"}\n"
                        + "{\"resourceType\":\"Observation\",\"id\":\"o-no-status\",\"code\":{\"text\":\"x\"}}\n")
                .then().statusCode(422)
                .body("issue[0].code", equalTo("required"))
                .body("issue[0].diagnostics", containsString("Line 2"))
                .body("issue[0].diagnostics", containsString("Observation.status"));
    }

    @Test
    void load_unsupportedResourceType_is400() {
        DemoData.load("{\"resourceType\":\"Basic\",\"id\":\"b1\",\"code\":{\"text\":\"x\"}}")
                .then().statusCode(400)
                .body("issue[0].code", equalTo("not-supported"));
    }

    @Test
    void load_groupMemberThatIsNoPatient_is400() {
        DemoData.load(group("g-bad-member", "pat-001").replace("Patient/pat-001", "Practitioner/p1"))
                .then().statusCode(400)
                .body("issue[0].diagnostics", containsString("Patient"));
    }

    @Test
    void load_resourceWithoutId_is400() {
        DemoData.load("{\"resourceType\":\"Patient\",\"gender\":\"female\"}")
                .then().statusCode(400);
    }

    @Test
    void load_emptyBody_is400() {
        DemoData.load("\n\n").then().statusCode(400);
    }

    @Test
    void load_sameGroupAgain_isANewVersion_whereAbsentMembersAreDropped() {
        DemoData.load(group("g-reload", "pat-001", "pat-002", "pat-003")).then().statusCode(200);

        DemoData.load(group("g-reload", "pat-004")).then().statusCode(200);

        // ATR: a member who leaves the list stays in that version, inactive, with changeType dropped
        readGroup("g-reload").then().statusCode(200)
                .body("meta.versionId", equalTo("2"))
                .body("member.entity.reference", equalTo(List.of("Patient/pat-001", "Patient/pat-002",
                        "Patient/pat-003", "Patient/pat-004")))
                .body("member.inactive", equalTo(Arrays.asList(true, true, true, null)))
                .body("member.extension.valueCode", equalTo(List.of(List.of("dropped"), List.of("dropped"),
                        List.of("dropped"), List.of("new"))));
    }

    @Test
    void load_oneGroupTwiceInOneBody_keepsTheLastAsVersionTwo() {
        DemoData.load(group("g-twice", "pat-001") + "\n" + group("g-twice", "pat-002", "pat-003"))
                .then().statusCode(200);

        readGroup("g-twice").then().statusCode(200)
                .body("meta.versionId", equalTo("2"))
                .body("member.findAll { it.inactive != true }", hasSize(2));
    }

    private static io.restassured.response.Response readGroup(String id) {
        String token = AttributionTestResource.TOKENS.token("loader-test", "system/*.rs", List.of(id), List.of());
        return given().auth().oauth2(token).get("/fhir/Group/" + id);
    }

    private static String group(String id, String... patients) {
        StringBuilder members = new StringBuilder();
        for (String patient : patients) {
            members.append(members.isEmpty() ? "" : ",")
                    .append("{\"entity\":{\"reference\":\"Patient/").append(patient).append("\"}}");
        }
        return "{\"resourceType\":\"Group\",\"id\":\"" + id + "\",\"type\":\"person\",\"actual\":true,"
                + "\"member\":[" + members + "]}";
    }
}

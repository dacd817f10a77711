package org.openpayer.bulkexport.attribution.write;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.AttributionTestResource;
import org.openpayer.bulkexport.attribution.DemoData;
import org.openpayer.bulkexport.stack.demo.DemoDataset;
import org.openpayer.bulkexport.stack.testing.TokenMint;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** create, conditional create, update and delete over HTTP, with every refusal, by a payer-side writer. */
@QuarkusIntegrationTest
@QuarkusTestResource(AttributionTestResource.class)
class ResourceWriteIT {

    private static final TokenMint TOKENS = AttributionTestResource.TOKENS;
    private static final String EAST_MEMBER = DemoDataset.patientId(3);
    private static final String FHIR_JSON = "application/fhir+json";

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void demoData() {
        DemoData.ensureLoaded();
    }

    @Test
    void create_assignsIdAndVersion_andTheResourceIsReadable() {
        Response created = writer().body(observation("client-chosen", EAST_MEMBER, "final"))
                .post("/fhir/Observation");
        created.then().statusCode(201)
                .header("ETag", equalTo("W/\"1\""))
                .header("Location", allOf(containsString("/fhir/Observation/"), endsWith("/_history/1")))
                .body("meta.versionId", equalTo("1"))
                .body("id", not(equalTo("client-chosen")));
        String id = created.jsonPath().getString("id");

        eastClient().get("/fhir/Observation/" + id).then().statusCode(200).body("status", equalTo("final"));
    }

    @Test
    void create_missingRequiredElements_is422NamingThem_andStoresNothing() {
        String identifier = "req-" + run;
        writer().body("{\"resourceType\":\"Observation\",\"identifier\":[{\"system\":\"urn:test\",\"value\":\""
                        + identifier + "\"}],\"subject\":{\"reference\":\"Patient/" + EAST_MEMBER + "\"}}")
                .post("/fhir/Observation")
                .then().statusCode(422)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("required"))
                .body("issue[0].diagnostics", allOf(containsString("Observation.status"),
                        containsString("Observation.code")));
        eastClient().get("/fhir/Observation?identifier=urn:test|" + identifier).then().statusCode(200)
                .body("entry", equalTo(null));
    }

    @Test
    void create_malformedOrMismatched_is400() {
        writer().body("{\"resourceType\":\"Observation\",").post("/fhir/Observation").then().statusCode(400)
                .body("issue[0].diagnostics", containsString("not a valid FHIR R4 resource"));
        writer().body("{\"resourceType\":\"Observation\",\"status\":\"final\",\"colour\":\"blue\"}")
                .post("/fhir/Observation").then().statusCode(400);
        writer().body("{\"resourceType\":\"Observation\",\"status\":\"perhaps\"}")
                .post("/fhir/Observation").then().statusCode(400);
        writer().body(observation(null, EAST_MEMBER, "final")).post("/fhir/Condition").then().statusCode(400)
                .body("issue[0].diagnostics", containsString("URL names Condition"));
        writer().body("").post("/fhir/Observation").then().statusCode(400);
    }

    @Test
    void create_forAPatientTheServerDoesNotHold_is422() {
        writer().body(observation(null, "no-such-patient-" + run, "final")).post("/fhir/Observation")
                .then().statusCode(422)
                .body("issue[0].diagnostics", containsString("Patient/no-such-patient-" + run));
    }

    @Test
    void conditionalCreate_createsOnce_thenReportsTheMatch_and412WhenAmbiguous() {
        String condition = "identifier=urn:test:cc|" + run;
        String body = "{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":\"urn:test:cc\",\"value\":\""
                + run + "\"}],\"name\":\"Conditional\"}";

        String first = writer().header("If-None-Exist", condition).body(body).post("/fhir/Organization")
                .then().statusCode(201).extract().header("Location");
        String second = writer().header("If-None-Exist", condition).body(body).post("/fhir/Organization")
                .then().statusCode(200).body("resourceType", equalTo("OperationOutcome"))
                .extract().header("Location");
        assertThat(second).isEqualTo(first);

        writer().body(body).post("/fhir/Organization").then().statusCode(201);
        writer().header("If-None-Exist", condition).body(body).post("/fhir/Organization")
                .then().statusCode(412);
        writer().header("If-None-Exist", "colour=blue").body(body).post("/fhir/Organization")
                .then().statusCode(400);
    }

    @Test
    void update_createsWithTheClientsId_thenVersions_andHonoursIfMatch() {
        String id = "prac-upd-" + run;
        writer().body(practitioner(id, "One")).put("/fhir/Practitioner/" + id)
                .then().statusCode(201).header("ETag", equalTo("W/\"1\""));
        writer().body(practitioner(id, "Two")).put("/fhir/Practitioner/" + id)
                .then().statusCode(200).header("ETag", equalTo("W/\"2\"")).body("name[0].family", equalTo("Two"));
        writer().header("If-Match", "W/\"1\"").body(practitioner(id, "Stale")).put("/fhir/Practitioner/" + id)
                .then().statusCode(412).body("issue[0].diagnostics", containsString("version 2"));
        writer().header("If-Match", "W/\"2\"").body(practitioner(id, "Three")).put("/fhir/Practitioner/" + id)
                .then().statusCode(200).header("ETag", equalTo("W/\"3\""));

        eastClient().get("/fhir/Practitioner/" + id + "/_history").then().statusCode(200)
                .body("entry", hasSize(3)).body("entry[0].resource.name[0].family", equalTo("Three"));
    }

    @Test
    void update_idMissingOrDifferent_is400() {
        writer().body(practitioner("other-" + run, "X")).put("/fhir/Practitioner/this-" + run)
                .then().statusCode(400).body("issue[0].diagnostics", containsString("differs"));
        writer().body("{\"resourceType\":\"Practitioner\"}").put("/fhir/Practitioner/this-" + run)
                .then().statusCode(400);
        writer().header("If-Match", "yesterday").body(practitioner("this-" + run, "X"))
                .put("/fhir/Practitioner/this-" + run).then().statusCode(400);
    }

    @Test
    void delete_leavesATombstone_410OnRead_andSearchNoLongerFinds() {
        String id = "prac-del-" + run;
        writer().body(practitioner(id, "Gone")).put("/fhir/Practitioner/" + id).then().statusCode(201);

        writer().delete("/fhir/Practitioner/" + id).then().statusCode(204).header("ETag", equalTo("W/\"2\""));
        eastClient().get("/fhir/Practitioner/" + id).then().statusCode(410);
        eastClient().get("/fhir/Practitioner?_id=" + id).then().statusCode(200).body("entry", equalTo(null));
        eastClient().get("/fhir/Practitioner/" + id + "/_history").then().statusCode(200)
                .body("entry[0].request.method", equalTo("DELETE"));
        writer().delete("/fhir/Practitioner/" + id).then().statusCode(204);
        writer().body(practitioner(id, "Back")).put("/fhir/Practitioner/" + id).then().statusCode(201)
                .header("ETag", equalTo("W/\"3\""));
    }

    @Test
    void groupUpdate_storesMembersApart_andTheGroupReadsBackWhole() {
        String id = "grp-write-" + run;
        String group = "{\"resourceType\":\"Group\",\"id\":\"" + id + "\",\"type\":\"person\",\"actual\":true,"
                + "\"member\":[{\"entity\":{\"reference\":\"Patient/" + EAST_MEMBER + "\"}}]}";
        writer().body(group).put("/fhir/Group/" + id).then().statusCode(201);

        given().auth().oauth2(TOKENS.token("east-clinic", "system/*.rs", List.of(id), List.of()))
                .get("/fhir/Group/" + id).then().statusCode(200)
                .body("member[0].entity.reference", equalTo("Patient/" + EAST_MEMBER));
        writer().body(group.replace("Patient/", "Device/")).put("/fhir/Group/" + id).then().statusCode(400);
    }

    @Test
    void preferReturnMinimal_answersWithoutBody() {
        String location = writer().header("Prefer", "return=minimal").body(practitioner(null, "Min"))
                .post("/fhir/Practitioner").then().statusCode(201).body(emptyString())
                .extract().header("Location");
        eastClient().get(URI.create(location).getPath().replaceAll("/_history/1$", "")).then().statusCode(200);
    }

    @Test
    void writes_needWritePermission() {
        eastClient().contentType(FHIR_JSON).body(practitioner(null, "No")).post("/fhir/Practitioner")
                .then().statusCode(403).body("issue[0].code", equalTo("forbidden"));
        eastClient().delete("/fhir/Patient/" + EAST_MEMBER).then().statusCode(403);
        given().contentType(FHIR_JSON).body(practitioner(null, "No")).post("/fhir/Practitioner")
                .then().statusCode(401);
        writer().body(practitioner(null, "No")).post("/fhir/Spaceship").then().statusCode(404);
    }

    private static RequestSpecification writer() {
        return given().auth().oauth2(TOKENS.token("payer-etl", "system/*.cud system/*.rs", List.of(), List.of()))
                .contentType(FHIR_JSON);
    }

    private static RequestSpecification eastClient() {
        return given().auth().oauth2(TOKENS.token("east-clinic", "system/*.rs",
                List.of(DemoDataset.EAST_GROUP_ID), List.of()));
    }

    private static String observation(String id, String patient, String status) {
        return "{\"resourceType\":\"Observation\"" + (id == null ? "" : ",\"id\":\"" + id + "\"")
                + ",\"status\":\"" + status + "\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\","
                + "\"code\":\"8867-4\"}]},\"subject\":{\"reference\":\"Patient/" + patient + "\"}}";
    }

    private static String practitioner(String id, String family) {
        return "{\"resourceType\":\"Practitioner\"" + (id == null ? "" : ",\"id\":\"" + id + "\"")
                + ",\"name\":[{\"family\":\"" + family + "\"}]}";
    }
}

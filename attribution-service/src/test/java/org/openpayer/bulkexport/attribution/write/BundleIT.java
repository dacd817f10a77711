package org.openpayer.bulkexport.attribution.write;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.AttributionTestResource;
import org.openpayer.bulkexport.stack.testing.TokenMint;

import java.util.List;
import java.util.UUID;

/** Transaction and batch Bundles over HTTP: reference resolution, ordering, atomicity and per-entry answers. */
@QuarkusIntegrationTest
@QuarkusTestResource(AttributionTestResource.class)
class BundleIT {

    private static final TokenMint TOKENS = AttributionTestResource.TOKENS;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void transaction_resolvesFullUrlReferences_andStoresEverything() {
        String groupId = "grp-tx-" + run;
        String bundle = bundle("transaction",
                post("urn:uuid:obs-" + run, observation("urn:uuid:pat-" + run, "final"), null),
                post("urn:uuid:pat-" + run, patient(run), null),
                put("Group/" + groupId, group(groupId, "urn:uuid:pat-" + run)));

        JsonPath response = writer().body(bundle).post("/fhir").then().statusCode(200)
                .body("type", equalTo("transaction-response"))
                .body("entry.response.status", equalTo(List.of("201 Created", "201 Created", "201 Created")))
                .extract().jsonPath();
        String patientId = response.getString("entry[1].response.location").split("/")[1];
        String observationId = response.getString("entry[0].response.location").split("/")[1];

        RequestSpecification member = given().auth().oauth2(TOKENS.token("tx-reader", "system/*.rs",
                List.of(groupId), List.of()));
        member.get("/fhir/Observation/" + observationId).then().statusCode(200)
                .body("subject.reference", equalTo("Patient/" + patientId));
        member.get("/fhir/Group/" + groupId).then().statusCode(200)
                .body("member[0].entity.reference", equalTo("Patient/" + patientId));
    }

    @Test
    void transaction_withOneInvalidEntry_storesNothing_andNamesTheEntry() {
        String bundle = bundle("transaction",
                post("urn:uuid:pat-" + run, patient(run), null),
                post(null, observation("urn:uuid:pat-" + run, null), null));

        writer().body(bundle).post("/fhir").then().statusCode(422)
                .body("issue[0].diagnostics", containsString("Bundle entry 1 (POST Observation)"))
                .body("issue[0].diagnostics", containsString("Observation.status"));
        writer().header("If-None-Exist", "identifier=urn:test:member|" + run).body(patient(run))
                .post("/fhir/Patient").then().statusCode(201);
    }

    @Test
    void transaction_conditionalCreate_pointsReferencesAtTheExistingResource() {
        String existing = writer().body(patient(run)).post("/fhir/Patient").then().statusCode(201)
                .extract().jsonPath().getString("id");
        String bundle = bundle("transaction",
                post("urn:uuid:pat-" + run, patient(run), "identifier=urn:test:member|" + run),
                post(null, observation("urn:uuid:pat-" + run, "final"), null));

        JsonPath response = writer().body(bundle).post("/fhir").then().statusCode(200)
                .body("entry[0].response.status", equalTo("200 OK"))
                .body("entry[1].response.status", equalTo("201 Created"))
                .extract().jsonPath();
        assertThat(response.getString("entry[0].response.location")).startsWith("Patient/" + existing + "/");
    }

    @Test
    void batch_answersEachEntry_andKeepsTheGoodOnes() {
        String bundle = bundle("batch",
                post(null, patient(run), null),
                post(null, observation("Patient/no-such-" + run, "final"), null),
                "{\"request\":{\"method\":\"GET\",\"url\":\"Patient/1\"}}");

        writer().body(bundle).post("/fhir").then().statusCode(200)
                .body("type", equalTo("batch-response"))
                .body("entry[0].response.status", equalTo("201 Created"))
                .body("entry[1].response.status", equalTo("422"))
                .body("entry[1].response.outcome.issue[0].diagnostics", containsString("Patient/no-such-" + run))
                .body("entry[2].response.status", equalTo("400"));
        writer().header("If-None-Exist", "identifier=urn:test:member|" + run).body(patient(run))
                .post("/fhir/Patient").then().statusCode(200);
    }

    @Test
    void malformedBundles_are400_andWritesNeedPermission() {
        writer().body("{\"resourceType\":\"Bundle\",\"type\":\"collection\"}").post("/fhir").then().statusCode(400)
                .body("issue[0].diagnostics", containsString("transaction or batch"));
        writer().body(patient(run)).post("/fhir").then().statusCode(400);
        writer().body("{\"resourceType\":\"Bundle\",").post("/fhir").then().statusCode(400);
        writer().body(bundle("transaction", "{\"request\":{\"method\":\"GET\",\"url\":\"Patient/1\"}}"))
                .post("/fhir").then().statusCode(400);
        writer().body(bundle("transaction", put("Patient/p-" + run, patient(run).replace("{", "{\"id\":\"p-"
                        + run + "\",")), "{\"request\":{\"method\":\"DELETE\",\"url\":\"Patient/p-" + run + "\"}}"))
                .post("/fhir").then().statusCode(400).body("issue[0].diagnostics", containsString("another entry"));
        given().auth().oauth2(TOKENS.token("reader", "system/*.rs", List.of(), List.of()))
                .contentType("application/fhir+json").body(bundle("transaction", post(null, patient(run), null)))
                .post("/fhir").then().statusCode(403);
    }

    private static RequestSpecification writer() {
        return given().auth().oauth2(TOKENS.token("payer-etl", "system/*.cud system/*.rs", List.of(), List.of()))
                .contentType("application/fhir+json");
    }

    private static String bundle(String type, String... entries) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"" + type + "\",\"entry\":[" + String.join(",", entries)
                + "]}";
    }

    private static String post(String fullUrl, String resource, String ifNoneExist) {
        return "{" + (fullUrl == null ? "" : "\"fullUrl\":\"" + fullUrl + "\",") + "\"resource\":" + resource
                + ",\"request\":{\"method\":\"POST\",\"url\":\"" + resource.split("\"")[3] + "\""
                + (ifNoneExist == null ? "" : ",\"ifNoneExist\":\"" + ifNoneExist + "\"") + "}}";
    }

    private static String put(String url, String resource) {
        return "{\"resource\":" + resource + ",\"request\":{\"method\":\"PUT\",\"url\":\"" + url + "\"}}";
    }

    private static String patient(String member) {
        return "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"urn:test:member\",\"value\":\"" + member
                + "\"}],\"name\":[{\"family\":\"Transaction\"}]}";
    }

    private static String observation(String subject, String status) {
        return "{\"resourceType\":\"Observation\"" + (status == null ? "" : ",\"status\":\"" + status + "\"")
                + ",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8867-4\"}]},"
                + "\"subject\":{\"reference\":\"" + subject + "\"}}";
    }

    private static String group(String id, String memberReference) {
        return "{\"resourceType\":\"Group\",\"id\":\"" + id + "\",\"type\":\"person\",\"actual\":true,"
                + "\"member\":[{\"entity\":{\"reference\":\"" + memberReference + "\"}}]}";
    }
}

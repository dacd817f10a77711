package org.openpayer.bulkexport.attribution.payerpull;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.openpayer.bulkexport.attribution.payerpull.PullFixture.admin;
import static org.openpayer.bulkexport.attribution.payerpull.PullFixture.operations;
import static org.openpayer.bulkexport.attribution.payerpull.PullFixture.parameters;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openpayer.bulkexport.attribution.AttributionTestResource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who may start pulls and read their Tasks, what a start request must hold (each problem a 400 naming it), and the
 * operators' registry of payers: admin key only, https only (loopback http here), key references only.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(AttributionTestResource.class)
class PayerPullAccessIT {

    @RegisterExtension
    static final StubPayer stub = new StubPayer();
    private final String run = PullFixture.run();
    private final String client = "payer-ops-" + run;
    private final String member = "np-" + run;
    private String payer;

    /** A payer of this test's own, whose exports never finish: these tests look at pulls, not their outcome. */
    @BeforeEach
    void registerAPayer() {
        StubScenario scenario = RemoteRecords.withMemberRecord(PullFixture.scenario(stub, "access-" + run));
        scenario.pollsBeforeDone = -1;
        payer = PullFixture.registerPayer(scenario);
    }

    @Test
    void startPull_withoutPermissionToCreateTasks_is403() {
        PullFixture.storeMember(member);

        given().auth().oauth2(AttributionTestResource.TOKENS.token(client, "system/*.rs", List.of(), List.of()))
                .contentType("application/fhir+json").body(parameters(payer, PullFixture::matchInputs))
                .post("/fhir/Patient/" + member + "/$payer-pull")
                .then().statusCode(403).body("issue[0].diagnostics", containsString("system/Task.c"));
    }

    @Test
    void task_ofAnotherClient_is404_andItsOwnerAndOperatorsSeeIt() {
        // given
        PullFixture.storeMember(member);
        String taskId = PullFixture.startPull(client, member, parameters(payer, PullFixture::matchInputs));

        // then: another client finds it in no way; its owner needs read permission on Task
        operations("someone-else").get("/fhir/Task/" + taskId).then().statusCode(404)
                .body("issue[0].diagnostics", containsString("not known or not accessible"));
        operations("someone-else").get("/fhir/Task/" + taskId + "/_history").then().statusCode(404);
        operations("someone-else").get("/fhir/Task?_id=" + taskId).then().statusCode(404);
        given().auth().oauth2(AttributionTestResource.TOKENS.token(client, "system/Patient.rs", List.of(), List.of()))
                .get("/fhir/Task/" + taskId).then().statusCode(403);
        operations(client).get("/fhir/Task/" + taskId).then().statusCode(200)
                .body("resourceType", equalTo("Task")).body("intent", equalTo("order"))
                .body("code.coding[0].code", equalTo("payer-pull"))
                .body("input.find { it.type.coding[0].code == 'remotePayer' }.valueString", equalTo(payer));
        admin().get("/admin/payer-pulls/" + taskId).then().statusCode(200).body("id", equalTo(taskId));
        operations(client).get("/fhir/Task/" + UUID.randomUUID()).then().statusCode(404);
        operations(client).get("/fhir/Task/not-a-pull").then().statusCode(404);
    }

    @Test
    void startPull_unknownMember_is404() {
        operations(client).body(parameters(payer, PullFixture::matchInputs))
                .post("/fhir/Patient/nobody-" + run + "/$payer-pull").then().statusCode(404);
    }

    @Test
    void startPull_badRequests_are400NamingTheProblem() {
        PullFixture.storeMember(member);
        String path = "/fhir/Patient/" + member + "/$payer-pull";

        operations(client).body(parameters(payer, p -> p.addParameter().setName("CoverageToMatch")
                .setResource(PullFixture.coverage("DH10001235")))).post(path)
                .then().statusCode(400).body("issue[0].diagnostics", containsString("together"));
        operations(client).body(parameters(payer, p -> {
            PullFixture.matchInputs(p);
            p.getParameter("CoverageToLink").setResource(new Coverage().setStatus(Coverage.CoverageStatus.ACTIVE));
        })).post(path).then().statusCode(400).body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", containsString("CoverageToLink lacks what FHIR R4 requires: "
                        + "Coverage.payor"));
        operations(client).body(parameters(UUID.randomUUID().toString(), none -> { })).post(path)
                .then().statusCode(400).body("issue[0].diagnostics", containsString("no registered payer"));
        operations(client).body(parameters(payer, p -> p.addParameter().setName("_since")
                .setValue(new StringType("yesterday")))).post(path)
                .then().statusCode(400).body("issue[0].diagnostics", containsString("_since"));
        operations(client).body(parameters(payer, p -> p.addParameter().setName("_outputFormat")
                .setValue(new StringType("ndjson")))).post(path)
                .then().statusCode(400).body("issue[0].diagnostics", containsString("not _outputFormat"));
        operations(client).body(parameters(payer, p -> {
            p.addParameter().setName("remoteMemberId").setValue(new StringType("r-1"));
            PullFixture.matchInputs(p);
        })).post(path).then().statusCode(400).body("issue[0].diagnostics", containsString("not both"));
    }

    @Test
    void registry_needsTheAdminKey_httpsUrls_andAKeyReference() {
        Map<String, Object> valid = Map.of("name", "Old Plan", "fhirBaseUrl", "https://old.example/fhir",
                "tokenUrl", "https://old.example/auth/token", "clientId", "us",
                "privateKey", "file:access-" + run + ".jwk");

        given().contentType("application/json").body(valid).post("/admin/remote-payers").then().statusCode(401);
        admin().contentType("application/json").body(with(valid, "fhirBaseUrl", "http://old.example/fhir"))
                .post("/admin/remote-payers").then().statusCode(400)
                .body("issue[0].diagnostics", containsString("https"));
        admin().contentType("application/json").body(with(valid, "privateKey", "{\"kty\":\"EC\",\"d\":\"secret\"}"))
                .post("/admin/remote-payers").then().statusCode(400)
                .body("issue[0].diagnostics", containsString("never the key itself"))
                .body("issue[0].diagnostics", not(containsString("secret")));
        admin().contentType("application/json").body(with(valid, "privateKey", "env:DB_PASSWORD"))
                .post("/admin/remote-payers").then().statusCode(400)
                .body("issue[0].diagnostics", containsString("PAYER_PULL_KEY_"));
        admin().contentType("application/json").body(valid).post("/admin/remote-payers").then().statusCode(201)
                .body("keyId", equalTo("key-access-" + run)).body("publicJwks.keys[0].d", nullValue())
                .body("publicJwks.keys[0].x", notNullValue());
    }

    private static Map<String, Object> with(Map<String, Object> registration, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(registration);
        changed.put(key, value);
        return changed;
    }
}

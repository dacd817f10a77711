package org.openpayer.bulkexport.attribution.roster.operation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.AttributionTestResource;
import org.openpayer.bulkexport.model.fhir.atr.AtrVocabulary;

import java.util.List;
import java.util.UUID;

/** ATR's $member-add, $member-remove, $confirm-attribution-list and $attribution-status, with their error cases. */
@QuarkusIntegrationTest
@QuarkusTestResource(AttributionTestResource.class)
class GroupOperationsIT {

    private static final String MEMBER_SYSTEM = "urn:test:member-id";
    private static final String NPI = "http://hl7.org/fhir/sid/us-npi";
    private static final String CHANGE_TYPE_OF_FIRST =
            "member[0].extension.find { it.url.endsWith('changeType') }.valueCode";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String group = "grp-ops-" + run;
    private final String patient = "pat-ops-" + run;
    private final String practitioner = "prac-ops-" + run;
    private final String npi = String.valueOf(Math.abs(run.hashCode()) % 1_000_000_000L + 1_000_000_000L);

    @BeforeEach
    void listWithOnePossibleMember() {
        put("Patient/" + patient, "{\"resourceType\":\"Patient\",\"id\":\"" + patient + "\",\"identifier\":[{"
                + "\"system\":\"" + MEMBER_SYSTEM + "\",\"value\":\"" + run + "\"}]}");
        put("Coverage/cov-" + run, "{\"resourceType\":\"Coverage\",\"id\":\"cov-" + run + "\",\"status\":\"active\","
                + "\"beneficiary\":{\"reference\":\"Patient/" + patient + "\"},\"payor\":[{\"reference\":"
                + "\"Organization/payer\"}]}");
        put("Practitioner/" + practitioner, "{\"resourceType\":\"Practitioner\",\"id\":\"" + practitioner
                + "\",\"identifier\":[{\"system\":\"" + NPI + "\",\"value\":\"" + npi + "\"}]}");
        put("Group/" + group, "{\"resourceType\":\"Group\",\"id\":\"" + group + "\",\"extension\":[{\"url\":\""
                + AtrVocabulary.ATTRIBUTION_LIST_STATUS + "\",\"valueCode\":\"open\"}],\"type\":\"person\","
                + "\"actual\":true}");
    }

    @Test
    void memberAdd_byReferences_makesANewVersionWithTheMember() {
        maintainer().body(parameters(reference("patientReference", "Patient/" + patient),
                        reference("providerReference", "Practitioner/" + practitioner),
                        "{\"name\":\"attributionPeriod\",\"valuePeriod\":{\"start\":\"2026-01-01\"}}"))
                .post("/fhir/Group/" + group + "/$member-add")
                .then().statusCode(201)
                .header("Location", endsWith("/fhir/Group/" + group + "/_history/2"))
                .body("resourceType", equalTo("OperationOutcome"));

        reader().get("/fhir/Group/" + group).then().statusCode(200)
                .body("meta.versionId", equalTo("2"))
                .body("member[0].entity.reference", equalTo("Patient/" + patient))
                .body("member[0].period.start", equalTo("2026-01-01"))
                .body(CHANGE_TYPE_OF_FIRST, equalTo("new"))
                .body("member[0].extension.valueReference.reference",
                        hasItems("Practitioner/" + practitioner, "Coverage/cov-" + run));
    }

    @Test
    void memberAdd_byIdentifiers_andAgain_isANoOp() {
        String body = parameters(identifier("memberId", MEMBER_SYSTEM, run), identifier("providerNpi", NPI, npi));
        maintainer().body(body).post("/fhir/Group/" + group + "/$member-add").then().statusCode(201);
        maintainer().body(body).post("/fhir/Group/" + group + "/$member-add").then().statusCode(200)
                .header("Location", endsWith("/_history/2"))
                .body("issue[0].diagnostics", containsString("already"));
    }

    @Test
    void memberRemove_leavesTheMemberInactiveAndDropped_thenNotAMemberIs422() {
        addMember();
        String body = parameters(reference("patientReference", "Patient/" + patient));
        maintainer().body(body).post("/fhir/Group/" + group + "/$member-remove").then().statusCode(201);

        reader().get("/fhir/Group/" + group).then().statusCode(200)
                .body("member[0].inactive", equalTo(true))
                .body(CHANGE_TYPE_OF_FIRST, equalTo("dropped"));
        maintainer().body(body).post("/fhir/Group/" + group + "/$member-remove").then().statusCode(422)
                .body("issue[0].diagnostics", containsString("not an active member"));
    }

    @Test
    void confirm_makesTheListFinal_whichRefusesChanges() {
        maintainer().post("/fhir/Group/" + group + "/$confirm-attribution-list").then().statusCode(201);
        reader().get("/fhir/Group/" + group).then().statusCode(200)
                .body("extension.find { it.url.endsWith('attributionListStatus') }.valueCode", equalTo("final"));

        maintainer().post("/fhir/Group/" + group + "/$confirm-attribution-list").then().statusCode(200);
        maintainer().body(parameters(reference("patientReference", "Patient/" + patient),
                        reference("providerReference", "Practitioner/" + practitioner)))
                .post("/fhir/Group/" + group + "/$member-add")
                .then().statusCode(422).body("issue[0].diagnostics", containsString("final"));
    }

    @Test
    void attributionStatus_bundlesTheMembersAttribution() {
        addMember();
        reader().get("/fhir/Group/" + group + "/$attribution-status?patientReference=Patient/" + patient)
                .then().statusCode(200)
                .body("type", equalTo("collection"))
                .body("entry.resource.resourceType", hasItems("Group", "Patient", "Coverage", "Practitioner"))
                .body("entry[0].resource.member.size()", equalTo(1))
                .body("entry[0].resource.meta.tag.code", hasItem("SUBSETTED"));
        reader().contentType("application/fhir+json")
                .body(parameters(identifier("memberId", MEMBER_SYSTEM, run)))
                .post("/fhir/Group/" + group + "/$attribution-status").then().statusCode(200);
        reader().get("/fhir/Group/" + group + "/$attribution-status?patientReference=Patient/nobody-" + run)
                .then().statusCode(422);
    }

    @Test
    void malformedInput_is400_andUnresolvableNamesAre422() {
        String add = "/fhir/Group/" + group + "/$member-add";
        maintainer().body(parameters(identifier("memberId", MEMBER_SYSTEM, run))).post(add).then().statusCode(400)
                .body("issue[0].diagnostics", containsString("combinations"));
        maintainer().body(parameters(reference("colour", "blue"))).post(add).then().statusCode(400);
        maintainer().body("{\"resourceType\":\"Patient\"}").post(add).then().statusCode(400);
        maintainer().body(parameters(identifier("memberId", MEMBER_SYSTEM, "nobody"),
                identifier("providerNpi", NPI, npi))).post(add).then().statusCode(422);
        maintainer().body(parameters(identifier("memberId", MEMBER_SYSTEM, run),
                identifier("providerNpi", NPI, "0000000000"))).post(add).then().statusCode(422)
                .body("issue[0].diagnostics", containsString("NPI"));
        maintainer().body(parameters(reference("patientReference", "Patient/" + patient),
                reference("providerReference", "Device/1"))).post(add).then().statusCode(400);
    }

    @Test
    void operations_needTheGrantAndTheUpdatePermission() {
        String body = parameters(reference("patientReference", "Patient/" + patient),
                reference("providerReference", "Practitioner/" + practitioner));
        reader().contentType("application/fhir+json").body(body).post("/fhir/Group/" + group + "/$member-add")
                .then().statusCode(403);
        given().auth().oauth2(AttributionTestResource.TOKENS.token("other", "system/Group.rus", List.of("other"),
                        List.of())).contentType("application/fhir+json").body(body)
                .post("/fhir/Group/" + group + "/$member-add").then().statusCode(404);
    }

    private void addMember() {
        maintainer().body(parameters(reference("patientReference", "Patient/" + patient),
                        reference("providerReference", "Practitioner/" + practitioner)))
                .post("/fhir/Group/" + group + "/$member-add").then().statusCode(201);
    }

    private static void put(String path, String resource) {
        given().auth().oauth2(AttributionTestResource.TOKENS.token("payer-etl", "system/*.cud", List.of(),
                        List.of())).contentType("application/fhir+json").body(resource)
                .put("/fhir/" + path).then().statusCode(oneOf(200, 201));
    }

    private RequestSpecification maintainer() {
        return given().auth().oauth2(AttributionTestResource.TOKENS.token("list-maintainer", "system/Group.rus",
                List.of(group), List.of())).contentType("application/fhir+json");
    }

    private RequestSpecification reader() {
        return given().auth().oauth2(AttributionTestResource.TOKENS.token("list-reader", "system/*.rs",
                List.of(group), List.of()));
    }

    private static String parameters(String... parameters) {
        return "{\"resourceType\":\"Parameters\",\"parameter\":[" + String.join(",", parameters) + "]}";
    }

    private static String reference(String name, String reference) {
        return "{\"name\":\"" + name + "\",\"valueReference\":{\"reference\":\"" + reference + "\"}}";
    }

    private static String identifier(String name, String system, String value) {
        return "{\"name\":\"" + name + "\",\"valueIdentifier\":{\"system\":\"" + system + "\",\"value\":\"" + value
                + "\"}}";
    }
}

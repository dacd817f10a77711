package org.openpayer.bulkexport.attribution.optout;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
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

/**
 * PDex opt-out: a member's provider Consent with provision.type deny removes the member from provider Groups and
 * from member-data access at once, counted in optedOut; a later permit, or deleting the deny, brings the member back.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(AttributionTestResource.class)
class OptOutIT {

    private static final String OPTED_OUT_COUNT =
            "extension.find { it.url == '" + AtrVocabulary.OPTED_OUT + "' }.valueQuantity.value";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String group = "grp-optout-" + run;
    private final String member = "pat-optout-" + run;
    private final String other = "pat-stays-" + run;

    @BeforeEach
    void groupWithTwoMembers() {
        put("Patient/" + member, "{\"resourceType\":\"Patient\",\"id\":\"" + member + "\"}");
        put("Patient/" + other, "{\"resourceType\":\"Patient\",\"id\":\"" + other + "\"}");
        put("Observation/obs-" + run, "{\"resourceType\":\"Observation\",\"id\":\"obs-" + run + "\",\"status\":"
                + "\"final\",\"code\":{\"text\":\"weight\"},\"subject\":{\"reference\":\"Patient/" + member + "\"}}");
        put("Group/" + group, "{\"resourceType\":\"Group\",\"id\":\"" + group + "\",\"type\":\"person\","
                + "\"actual\":true,\"member\":[{\"entity\":{\"reference\":\"Patient/" + member + "\"}},"
                + "{\"entity\":{\"reference\":\"Patient/" + other + "\"}}]}");
    }

    @Test
    void deny_hidesTheMemberEverywhere_andPermitBringsThemBack() {
        provider().get("/fhir/Group/" + group).then().statusCode(200)
                .body("member.entity.reference", hasItem("Patient/" + member))
                .body(OPTED_OUT_COUNT, nullValue());

        put("Consent/deny-" + run, consent("deny-" + run, "deny", "2026-03-01"));

        provider().get("/fhir/Group/" + group).then().statusCode(200)
                .body("member.entity.reference", equalTo(List.of("Patient/" + other)))
                .body(OPTED_OUT_COUNT, equalTo(1));
        provider().get("/fhir/Observation/obs-" + run).then().statusCode(404);
        provider().get("/fhir/Patient?_id=" + member + "," + other).then().statusCode(200)
                .body("entry.resource.id", equalTo(List.of(other)));
        provider().get("/fhir/Group/" + group + "/$attribution-status?patientReference=Patient/" + member)
                .then().statusCode(422);
        provider().get("/fhir/Group/" + group + "/_history/1").then().statusCode(200)
                .body("member.entity.reference", not(hasItem("Patient/" + member)));

        put("Consent/permit-" + run, consent("permit-" + run, "permit", "2026-04-01"));

        provider().get("/fhir/Group/" + group).then().statusCode(200)
                .body("member.entity.reference", hasItem("Patient/" + member))
                .body(OPTED_OUT_COUNT, nullValue());
        provider().get("/fhir/Observation/obs-" + run).then().statusCode(200);
    }

    @Test
    void deletingTheLatestDecision_fallsBackToTheOneBefore() {
        put("Consent/deny-" + run, consent("deny-" + run, "deny", "2026-03-01"));
        put("Consent/permit-" + run, consent("permit-" + run, "permit", "2026-04-01"));
        provider().get("/fhir/Observation/obs-" + run).then().statusCode(200);

        writer().delete("/fhir/Consent/permit-" + run).then().statusCode(204);
        provider().get("/fhir/Observation/obs-" + run).then().statusCode(404);

        writer().delete("/fhir/Consent/deny-" + run).then().statusCode(204);
        provider().get("/fhir/Observation/obs-" + run).then().statusCode(200);
    }

    @Test
    void otherConsents_decideNothing() {
        String research = consent("research-" + run, "deny", "2026-03-01")
                .replace(ProviderAccessConsent.POLICY_CODE, "hipaa-research")
                .replace(ProviderAccessConsent.PROFILE, "http://example.org/other-consent");
        put("Consent/research-" + run, research);

        provider().get("/fhir/Observation/obs-" + run).then().statusCode(200);
    }

    private String consent(String id, String provisionType, String start) {
        return "{\"resourceType\":\"Consent\",\"id\":\"" + id + "\",\"meta\":{\"profile\":[\""
                + ProviderAccessConsent.PROFILE + "\"]},\"status\":\"active\",\"scope\":{\"coding\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/consentscope\",\"code\":\"patient-privacy\"}]},"
                + "\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\","
                + "\"code\":\"IDSCL\"}]}],\"patient\":{\"reference\":\"Patient/" + member + "\"},"
                + "\"policyRule\":{\"coding\":[{\"system\":\"" + ProviderAccessConsent.POLICY_SYSTEM + "\",\"code\":\""
                + ProviderAccessConsent.POLICY_CODE + "\"}]},\"provision\":{\"type\":\"" + provisionType + "\","
                + "\"period\":{\"start\":\"" + start + "\"}}}";
    }

    private static void put(String path, String resource) {
        writer().body(resource).put("/fhir/" + path).then().statusCode(oneOf(200, 201));
    }

    private static RequestSpecification writer() {
        return given().auth().oauth2(AttributionTestResource.TOKENS.token("payer-etl", "system/*.cud", List.of(),
                List.of())).contentType("application/fhir+json");
    }

    private RequestSpecification provider() {
        return given().auth().oauth2(AttributionTestResource.TOKENS.token("optout-provider", "system/*.rs",
                List.of(group), List.of()));
    }
}

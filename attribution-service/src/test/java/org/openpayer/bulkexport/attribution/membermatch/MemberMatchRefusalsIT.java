package org.openpayer.bulkexport.attribution.membermatch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.openpayer.bulkexport.attribution.membermatch.MemberMatchIT.PATH;
import static org.openpayer.bulkexport.attribution.membermatch.MemberMatchIT.asPayer;
import static org.openpayer.bulkexport.attribution.membermatch.MemberMatchRequestBuilder.NEW_PAYER_NPI;
import static org.openpayer.bulkexport.attribution.membermatch.MemberMatchRequestBuilder.hrexExample;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openpayer.bulkexport.attribution.AttributionTestResource;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What {@code $member-match} refuses before matching anyone: callers without a token, without read permission on
 * Patient or not registered as a payer, and input HRex's in-profile does not allow, each a precise 4xx with an
 * OperationOutcome.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(AttributionTestResource.class)
class MemberMatchRefusalsIT {

    private final String client = "refused-payer-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void memberMatch_withoutToken_is401() {
        given().contentType("application/fhir+json").body(hrexExample().json()).post(PATH)
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void memberMatch_withoutReadOnPatient_is403() {
        given().auth().oauth2(AttributionTestResource.TOKENS.payerToken(client, "system/Coverage.rs system/*.cud",
                        List.of(NEW_PAYER_NPI))).contentType("application/fhir+json")
                .body(hrexExample().json()).post(PATH)
                .then().statusCode(403)
                .body("issue[0].code", equalTo("forbidden"))
                .body("issue[0].diagnostics", containsString("system/Patient.rs"));
    }

    @Test
    void memberMatch_byAProviderClient_is403() {
        given().auth().oauth2(AttributionTestResource.TOKENS.token(client, "system/*.rs", List.of("group-east"),
                        List.of())).contentType("application/fhir+json")
                .body(hrexExample().json()).post(PATH)
                .then().statusCode(403)
                .body("issue[0].diagnostics", containsString("not registered as a payer"));
    }

    @Test
    void memberMatch_byGet_is405() {
        asPayer(client).get(PATH).then().statusCode(405).body("resourceType", equalTo("OperationOutcome"));
    }

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                Arguments.of("no body", "", "takes a Parameters resource"),
                Arguments.of("not JSON", "{\"resourceType\":", "not a valid FHIR R4 Parameters"),
                Arguments.of("not Parameters", "{\"resourceType\":\"Patient\",\"id\":\"1\"}",
                        "takes a Parameters resource"),
                Arguments.of("unknown element", "{\"resourceType\":\"Parameters\",\"color\":\"red\"}",
                        "not a valid FHIR R4 Parameters"),
                Arguments.of("MemberPatient missing", hrexExample().without("MemberPatient").json(),
                        "needs MemberPatient"),
                Arguments.of("CoverageToMatch missing", hrexExample().without("CoverageToMatch").json(),
                        "needs CoverageToMatch"),
                Arguments.of("CoverageToLink missing", hrexExample().without("CoverageToLink").json(),
                        "needs CoverageToLink"),
                Arguments.of("Consent twice", hrexExample().with(hrexExample().build().getParameter().get(3)).json(),
                        "Consent is given more than once"),
                Arguments.of("unknown parameter", hrexExample().with(new ParametersParameterComponent()
                        .setName("OldCoverage").setResource(new Patient().setActive(true))).json(),
                        "no parameter 'OldCoverage'"),
                Arguments.of("value instead of resource", hrexExample().without("CoverageToLink")
                        .with(new ParametersParameterComponent().setName("CoverageToLink")
                                .setValue(new StringType("234567"))).json(), "must carry a Coverage"),
                Arguments.of("wrong resource type", hrexExample().without("MemberPatient")
                        .with(new ParametersParameterComponent().setName("MemberPatient")
                                .setResource(new Organization().setName("Old Health Plan"))).json(),
                        "must be a Patient resource"),
                Arguments.of("Coverage without status", hrexExample().withCoverageToMatch(
                        coverage -> coverage.setStatus(null)).json(), "Coverage.status"),
                Arguments.of("no birthDate", hrexExample().withMemberPatient(
                        patient -> patient.setBirthDate(null)).json(), "birthDate"),
                Arguments.of("no member id", hrexExample().withCoverageToMatch(
                        coverage -> coverage.getIdentifier().clear()).json(), "member id from the card"),
                Arguments.of("Consent without policy", hrexExample().withConsent(
                        consent -> consent.setPolicy(null)).json(), "exactly one policy"),
                Arguments.of("Consent without period end", hrexExample().withConsent(
                        consent -> consent.getProvision().getPeriod().setEnd(null)).json(), "start and an end"),
                Arguments.of("beneficiary of someone else", hrexExample().withCoverageToLink(
                        coverage -> coverage.getBeneficiary().setReference("Patient/2")).json(),
                        "not MemberPatient"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void memberMatch_malformedRequest_is400NamingTheProblem(String name, String body, String diagnosticsContain) {
        asPayer(client).body(body).post(PATH)
                .then().statusCode(400)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].severity", equalTo("error"))
                .body("issue[0].diagnostics", containsString(diagnosticsContain));
    }

    @Test
    void memberMatch_xmlBody_is415() {
        asPayer(client).contentType("application/fhir+xml").body("<Parameters xmlns=\"http://hl7.org/fhir\"/>")
                .post(PATH).then().statusCode(415).body("resourceType", equalTo("OperationOutcome"));
    }
}

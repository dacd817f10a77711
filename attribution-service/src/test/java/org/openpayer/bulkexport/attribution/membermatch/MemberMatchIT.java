package org.openpayer.bulkexport.attribution.membermatch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.openpayer.bulkexport.attribution.membermatch.MemberMatchRequestBuilder.NEW_PAYER_NPI;
import static org.openpayer.bulkexport.attribution.membermatch.MemberMatchRequestBuilder.hrexExample;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.AttributionTestResource;
import org.openpayer.bulkexport.model.fhir.hrex.HrexVocabulary;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * HRex {@code $member-match} against a real database: the published example matched end to end, the 422 outcomes
 * HRex names, and what is stored. Validation (400) and access refusals are in {@link MemberMatchRefusalsIT}, the
 * guessing limit in {@link FailedMatchThrottleIT}. Every test asks as a client of its own, so the failures of one
 * never count against another.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(AttributionTestResource.class)
class MemberMatchIT {

    static final String PATH = "/fhir/Patient/$member-match";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String client = "new-payer-" + run;

    /** The member HRex's example request describes: Patricia Ann Person, born 1974-12-25, card DH10001235. */
    @BeforeEach
    void exampleMemberIsStored() {
        StoredMembers.member("hrex-example-member", "DH10001235", "Person", "Patricia", "1974-12-25");
    }

    @Test
    void memberMatch_hrexExample_answersUmbAndMemberId_andStoresConsentAndCoverageToLink() throws Exception {
        // when
        String json = asPayer(client).body(hrexExample().json()).post(PATH)
                .then().statusCode(200).contentType("application/fhir+json").extract().asString();

        // then
        Parameters answer = FhirContext.forR4Cached().newJsonParser()
                .setParserErrorHandler(new StrictErrorHandler()).parseResource(Parameters.class, json);
        assertThat(answer.getMeta().getProfile()).extracting("value").containsExactly(HrexVocabulary.MEMBER_MATCH_OUT);
        assertThat(answer.getParameter()).extracting("name")
                .containsExactly(HrexVocabulary.MEMBER_IDENTIFIER, HrexVocabulary.MEMBER_ID);
        Identifier umb = (Identifier) answer.getParameter().get(0).getValue();
        assertThat(umb.getType().getCodingFirstRep().getSystem()).isEqualTo(HrexVocabulary.TEMPORARY_CODES);
        assertThat(umb.getType().getCodingFirstRep().getCode()).isEqualTo("UMB");
        assertThat(umb.getSystem()).isEqualTo(StoredMembers.MEMBER_SYSTEM);
        assertThat(umb.getValue()).isEqualTo("DH10001235");
        assertThat(umb.getAssigner().getIdentifier().getValue()).isEqualTo("9876543210");
        assertThat(((Reference) answer.getParameter().get(1).getValue()).getReference())
                .isEqualTo("https://payer.example.test/fhir/Patient/hrex-example-member");

        List<Map<String, String>> stored = StoredMembers.matchesOf(client);
        assertThat(stored).hasSize(1);
        Map<String, String> match = stored.get(0);
        assertThat(match).containsEntry("patient_id", "hrex-example-member")
                .containsEntry("member_identifier", StoredMembers.MEMBER_SYSTEM + "|DH10001235")
                .containsEntry("consent_status", "active")
                .containsEntry("consent_policy", "regular");
        assertThat(match.get("consent_recipient")).contains(NEW_PAYER_NPI);
        assertThat(match.get("consent_source")).contains("9876543210");
        assertThat(match.get("consent_start")).startsWith(LocalDate.now().minusMonths(1).toString().substring(0, 7));
        assertThat(match.get("coverage_to_link")).contains("\"value\":\"234567\"").contains("New Health Plan");
        assertThat(match.get("consent")).contains("\"resourceType\":\"Consent\"").contains("#regular");
        assertThat(StoredMembers.consentResourcesOf("hrex-example-member"))
                .as("the other payer's Consent is not member data").isZero();
    }

    @Test
    void memberMatch_encodedOperationName_reachesTheSameOperation() {
        asPayer(client).urlEncodingEnabled(false).body(hrexExample().json()).post("/fhir/Patient/%24member-match")
                .then().statusCode(200).body("parameter[0].name", equalTo("MemberIdentifier"));
    }

    @Test
    void memberMatch_bySubscriberIdAlone_matches_andTheUmbComesFromTheCoverage() {
        // given: a member whose Patient carries no member id, only its Coverage does
        StoredMembers.store(new StoredMembers.Member("sub-" + run, "M-" + run, "SUB-" + run,
                "{\"resourceType\":\"Patient\",\"id\":\"sub-" + run + "\",\"name\":[{\"family\":\"Okafor\","
                        + "\"given\":[\"Ines\"]}],\"gender\":\"female\",\"birthDate\":\"1980-02-29\"}"));

        // when
        ValidatableResponse response = asPayer(client).body(request("Okafor", "Ines", "1980-02-29")
                .withCoverageToMatch(coverage -> {
                    coverage.getIdentifier().clear();
                    coverage.setSubscriberId("SUB-" + run);
                }).json()).post(PATH).then();

        // then
        response.statusCode(200)
                .body("parameter[0].valueIdentifier.value", equalTo("M-" + run))
                .body("parameter[1].valueReference.reference", containsString("/fhir/Patient/sub-" + run));
    }

    @Test
    void memberMatch_noMemberWithTheseDemographics_is422NotFound() throws Exception {
        asPayer(client).body(hrexExample().withMemberPatient(patient -> patient.getBirthDateElement()
                        .setValueAsString("1974-12-24")).json()).post(PATH)
                .then().statusCode(422)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("not-found"));

        assertThat(StoredMembers.matchesOf(client)).isEmpty();
    }

    @Test
    void memberMatch_unknownMemberId_is422NotFound() {
        asPayer(client).body(hrexExample().withMemberId("NOBODY-" + run).json()).post(PATH)
                .then().statusCode(422).body("issue[0].code", equalTo("not-found"));
    }

    @Test
    void memberMatch_severalMembers_is422MultipleMatches() throws Exception {
        // given: the same person stored twice (a duplicate record), both under one subscriber id
        StoredMembers.store(new StoredMembers.Member("dup-a-" + run, "A-" + run, "SUB-dup-" + run,
                patient("dup-a-" + run, "Mensah", "Kira", "1990-07-01")));
        StoredMembers.store(new StoredMembers.Member("dup-b-" + run, "B-" + run, "SUB-dup-" + run,
                patient("dup-b-" + run, "Mensah", "Kira", "1990-07-01")));

        // when / then
        asPayer(client).body(request("Mensah", "Kira", "1990-07-01").withCoverageToMatch(coverage -> {
                    coverage.getIdentifier().clear();
                    coverage.setSubscriberId("SUB-dup-" + run);
                }).json()).post(PATH)
                .then().statusCode(422).body("issue[0].code", equalTo("multiple-matches"));
        assertThat(StoredMembers.matchesOf(client)).isEmpty();
    }

    @Test
    void memberMatch_consentThatCannotBeHonoured_is422() {
        assertConsentRefused(asPayer(client), hrexExample().withConsentPeriod(LocalDate.of(2022, 1, 1),
                LocalDate.of(2022, 1, 31)), "not in force now");
        assertConsentRefused(asPayer(client), hrexExample().withConsentPeriod(LocalDate.now().plusDays(2),
                LocalDate.now().plusMonths(2)), "not in force now");
        assertConsentRefused(asPayer(client), hrexExample().withConsent(consent -> consent.getPolicyFirstRep()
                .setUri("http://example.org/consent-policy#all")), "policy");
        assertConsentRefused(asPayer(client), hrexExample().withConsent(consent ->
                consent.setStatus(ConsentState.INACTIVE)), "status is inactive");
        assertConsentRefused(asPayer(client), hrexExample().withConsent(consent -> consent.getProvision()
                .getActor().get(0).getReference().getIdentifier().setValue("1111111111")), "source");
        assertConsentRefused(given().auth().oauth2(AttributionTestResource.TOKENS.payerToken(client,
                "system/Patient.rs", List.of("http://hl7.org/fhir/sid/us-npi|5555555555")))
                .contentType("application/fhir+json"), hrexExample(), "recipient");
        assertConsentRefused(asPayer(client), hrexExample().without("Consent"), "without a Consent");
    }

    private static void assertConsentRefused(RequestSpecification caller, MemberMatchRequestBuilder request,
                                             String diagnosticsContain) {
        caller.body(request.json()).post(PATH).then().statusCode(422)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue", hasSize(1))
                .body("issue[0].code", equalTo("business-rule"))
                .body("issue[0].diagnostics", containsString(diagnosticsContain));
    }

    /** The example request, for another person. */
    private static MemberMatchRequestBuilder request(String family, String given, String birthDate) {
        return hrexExample().withMemberPatient(patient -> {
            patient.getNameFirstRep().setFamily(family).getGiven().clear();
            patient.getNameFirstRep().addGiven(given);
            patient.getBirthDateElement().setValueAsString(birthDate);
        });
    }

    private static String patient(String id, String family, String given, String birthDate) {
        return "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"name\":[{\"family\":\"" + family + "\","
                + "\"given\":[\"" + given + "\"]}],\"gender\":\"female\",\"birthDate\":\"" + birthDate + "\"}";
    }

    /** A payer-to-payer client: the example's new payer, with read permission on Patient. */
    static RequestSpecification asPayer(String clientId) {
        return given().auth().oauth2(AttributionTestResource.TOKENS.payerToken(clientId, "system/Patient.rs",
                List.of(NEW_PAYER_NPI))).contentType("application/fhir+json");
    }
}

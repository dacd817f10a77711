package org.openpayer.bulkexport.attribution.membermatch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.openpayer.bulkexport.attribution.membermatch.BulkMatchRequestBuilder.aBulkMatchRequest;
import static org.openpayer.bulkexport.attribution.membermatch.MemberMatchRequestBuilder.NEW_PAYER_NPI;
import static org.openpayer.bulkexport.attribution.membermatch.MemberMatchRequestBuilder.hrexExample;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.AttributionTestResource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * PDex {@code $bulk-member-match} against a real database: several members in one request sorted into matched,
 * not matched and consent-constrained; Bulk Data's status pattern; the Group of matched members readable by the
 * client that asked and by no one else, and changed by no one; bulk failures counted against the guessing limit; and
 * malformed requests refused with 400 before anything is stored.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(AttributionTestResource.class)
class BulkMemberMatchIT {

    static final String PATH = "/fhir/Group/$bulk-member-match";
    private static final String STATUS = "/fhir/bulk-member-match-status/";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String client = "bulk-payer-" + run;

    @Test
    void bulkMatch_severalMembers_sortsThemIntoMatchedNotMatchedAndConsentConstrained() throws Exception {
        // given: three members of ours; the request adds one we never had
        StoredMembers.member("amy-" + run, "AMY-" + run, "Adams", "Amy", "1961-03-01");
        StoredMembers.member("bo-" + run, "BO-" + run, "Baker", "Bo", "1972-04-02");
        StoredMembers.member("cy-" + run, "CY-" + run, "Cole", "Cy", "1983-05-03");
        String body = aBulkMatchRequest()
                .withMember(member("AMY-" + run, "Adams", "Amy", "1961-03-01"))
                .withMember(member("BO-" + run, "Baker", "Bo", "1972-04-02")
                        .withConsentPeriod(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31)))
                .withMember(member("NOBODY-" + run, "Doe", "Dee", "1990-06-04"))
                .withMember(member("CY-" + run, "Cole", "Cy", "1983-05-03").withConsent(consent ->
                        consent.getPolicyFirstRep().setUri(
                                "http://hl7.org/fhir/us/davinci-hrex/StructureDefinition-hrex-consent.html#sensitive")))
                .json();

        // when
        Response kickOff = asPayer(client).header("Prefer", "respond-async").body(body).post(PATH);

        // then: accepted, then 202 while running (if the first poll is early enough), then 200 with the result
        kickOff.then().statusCode(202);
        String statusUrl = kickOff.header("Content-Location");
        assertThat(statusUrl).startsWith("https://payer.example.test" + STATUS);
        Response firstPoll = asPayer(client).get(path(statusUrl));
        firstPoll.then().statusCode(oneOf(200, 202));
        if (firstPoll.statusCode() == 202) {
            assertThat(firstPoll.header("X-Progress")).contains("of 4 members decided").hasSizeLessThan(100);
            assertThat(firstPoll.header("Retry-After")).isNotBlank();
        }
        JsonPath result = awaitResult(client, statusUrl);
        assertThat(result.getString("resourceType")).isEqualTo("Parameters");
        assertThat(result.getList("parameter.name"))
                .containsExactly("MatchedMembers", "NonMatchedMembers", "ConsentConstrainedMembers");
        assertThat(result.getList("parameter[0].resource.member.entity.reference"))
                .containsExactly("Patient/amy-" + run, "Patient/cy-" + run);
        assertThat(result.getList("parameter[0].resource.member.entity.identifier.value"))
                .containsExactly("AMY-" + run, "CY-" + run);
        assertThat(result.getList("parameter[1].resource.contained.name.family.flatten()")).containsExactly("Doe");
        assertThat(result.getList("parameter[2].resource.contained.name.family.flatten()")).containsExactly("Baker");
        assertThat(result.getString("parameter[2].resource.toString()")).as("nothing of ours is revealed")
                .doesNotContain("bo-" + run);
        String groupId = result.getString("parameter[0].resource.id");
        assertThat(StoredMembers.matchesOf(client)).extracting(match -> match.get("patient_id") + " "
                + match.get("consent_policy")).containsExactly("amy-" + run + " regular", "cy-" + run + " sensitive");
        assertThat(StoredMembers.matchesOf(client)).extracting(match -> match.get("match_group_id"))
                .containsOnly(groupId);
    }

    @Test
    void bulkMatch_nobodyMatches_stillAnswersTheMatchedGroup_empty() {
        JsonPath result = awaitResult(client, kickOff(client, aBulkMatchRequest()
                .withMember(member("NOBODY-" + run, "Doe", "Dee", "1990-06-04")).json()));

        assertThat(result.getList("parameter.name")).containsExactly("MatchedMembers", "NonMatchedMembers");
        assertThat(result.getList("parameter[0].resource.member")).isNull();
        asPayer(client).get("/fhir/Group/" + result.getString("parameter[0].resource.id")).then().statusCode(200)
                .body("code.coding[0].code", equalTo("match"));
    }

    @Test
    void matchedGroup_isReadAndSearchedByItsOwnerOnly_andChangedByNoOne() {
        // given
        StoredMembers.member("eve-" + run, "EVE-" + run, "Evans", "Eve", "1955-07-05");
        String groupId = matchedGroupOf(client, aBulkMatchRequest()
                .withMember(member("EVE-" + run, "Evans", "Eve", "1955-07-05")).json());
        String stranger = "other-payer-" + run;

        // then: the owner reads and finds it
        asPayer(client).get("/fhir/Group/" + groupId).then().statusCode(200)
                .body("code.coding[0].code", equalTo("match"))
                .body("member[0].entity.reference", equalTo("Patient/eve-" + run));
        asPayer(client).get("/fhir/Group?_id=" + groupId).then().statusCode(200).body("total", equalTo(1));
        // another payer's client, and a client granted the id, neither read nor find it
        asPayer(stranger).get("/fhir/Group/" + groupId).then().statusCode(404);
        asPayer(stranger).get("/fhir/Group?_id=" + groupId).then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(AttributionTestResource.TOKENS.token("granted-" + run, "system/*.rs",
                List.of(groupId), List.of())).get("/fhir/Group/" + groupId).then().statusCode(404);
        // nobody changes it: neither the owner's ATR operations nor the payer's own writes
        given().auth().oauth2(AttributionTestResource.TOKENS.payerToken(client, "system/Group.rus system/Patient.rs",
                        List.of(NEW_PAYER_NPI))).contentType("application/fhir+json")
                .body("{\"resourceType\":\"Parameters\"}").post("/fhir/Group/" + groupId + "/$confirm-attribution-list")
                .then().statusCode(422).body("issue[0].diagnostics", containsString("$bulk-member-match"));
        RequestSpecification etl = given().auth().oauth2(AttributionTestResource.TOKENS.token("payer-etl",
                "system/*.cud", List.of(), List.of())).contentType("application/fhir+json");
        etl.body("{\"resourceType\":\"Group\",\"id\":\"" + groupId + "\",\"type\":\"person\",\"actual\":true}")
                .put("/fhir/Group/" + groupId).then().statusCode(422);
        etl.delete("/fhir/Group/" + groupId).then().statusCode(422);
        // nor does the Group open the members' data to its owner outside the payer-to-payer export
        asPayer(client).get("/fhir/Patient/eve-" + run).then().statusCode(404);
    }

    @Test
    void status_isTheRequestersOnly_andDeleteDiscardsIt() {
        // given
        StoredMembers.member("fay-" + run, "FAY-" + run, "Fox", "Fay", "1966-08-06");
        String statusUrl = kickOff(client, aBulkMatchRequest()
                .withMember(member("FAY-" + run, "Fox", "Fay", "1966-08-06")).json());

        // then
        asPayer("other-payer-" + run).get(path(statusUrl)).then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"));
        asPayer("other-payer-" + run).delete(path(statusUrl)).then().statusCode(404);
        awaitResult(client, statusUrl);
        asPayer(client).delete(path(statusUrl)).then().statusCode(202);
        asPayer(client).get(path(statusUrl)).then().statusCode(404);
        asPayer(client).get(STATUS + "not-a-job").then().statusCode(404);
    }

    @Test
    void bulkFailures_countAgainstTheGuessingLimit_andHoldTheJobBackInsteadOfFailingIt() {
        // given: a client one failure short of the limit (20)
        StoredMembers.member("gus-" + run, "GUS-" + run, "Gray", "Gus", "1977-09-07");
        for (int i = 0; i < 19; i++) {
            asPayer(client).body(hrexExample().withMemberId("GUESS-" + i + "-" + run).json())
                    .post(MemberMatchIT.PATH).then().statusCode(422);
        }

        // when: its bulk request's first member fails too, so the second must wait
        String statusUrl = kickOff(client, aBulkMatchRequest()
                .withMember(member("GUESS-bulk-" + run, "Gray", "Gus", "1977-09-07"))
                .withMember(member("GUS-" + run, "Gray", "Gus", "1977-09-07")).json());

        // then
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                asPayer(client).get(path(statusUrl)).then().statusCode(202)
                        .header("X-Progress", equalTo("1 of 2 members decided; waiting: too many failed matches")));
        Response waiting = asPayer(client).get(path(statusUrl));
        assertThat(Long.parseLong(waiting.header("Retry-After"))).isGreaterThan(60);
        asPayer(client).body(hrexExample().json()).post(MemberMatchIT.PATH).then().statusCode(429);
        asPayer(client).body(aBulkMatchRequest().withMember(hrexExample()).json()).post(PATH)
                .then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void malformedRequests_are400_andNothingIsStarted() {
        List<String> bodies = new ArrayList<>(List.of(
                "{\"resourceType\":\"Parameters\"}",
                aBulkMatchRequest().withMember(hrexExample()).with(new ParametersParameterComponent()
                        .setName("Consent").setResource(new Patient())).json(),
                aBulkMatchRequest().withMember(hrexExample()).withMember(hrexExample().without("Consent")).json(),
                aBulkMatchRequest().withMember(hrexExample().withCoverageToMatch(coverage ->
                        coverage.getIdentifier().clear())).json(),
                "{\"resourceType\":\"Patient\"}"));
        for (String body : bodies) {
            asPayer(client).body(body).post(PATH).then().statusCode(400)
                    .body("resourceType", equalTo("OperationOutcome"));
        }
        asPayer(client).body(bodies.get(2)).post(PATH).then()
                .body("issue[0].diagnostics", containsString("MemberBundle 2 needs a Consent"));
        given().auth().oauth2(AttributionTestResource.TOKENS.token(client, "system/*.rs", List.of(), List.of()))
                .contentType("application/fhir+json").body(aBulkMatchRequest().withMember(hrexExample()).json())
                .post(PATH).then().statusCode(403).body("issue[0].diagnostics", containsString("not registered"));
    }

    /** The HRex example request for another member: the card's member id and the person's demographics. */
    private static MemberMatchRequestBuilder member(String memberId, String family, String given, String birthDate) {
        return hrexExample().withMemberId(memberId).withMemberPatient(patient -> {
            patient.getNameFirstRep().setFamily(family).getGiven().clear();
            patient.getNameFirstRep().addGiven(given);
            patient.getBirthDateElement().setValueAsString(birthDate);
        });
    }

    private static String matchedGroupOf(String clientId, String body) {
        return awaitResult(clientId, kickOff(clientId, body)).getString("parameter[0].resource.id");
    }

    private static String kickOff(String clientId, String body) {
        Response response = asPayer(clientId).body(body).post(PATH);
        response.then().statusCode(202);
        return response.header("Content-Location");
    }

    static JsonPath awaitResult(String clientId, String statusUrl) {
        List<Response> done = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Response response = asPayer(clientId).get(path(statusUrl));
            if (response.statusCode() == 202) {
                return false;
            }
            done.add(response);
            return true;
        });
        done.get(0).then().statusCode(200).contentType("application/fhir+json");
        return done.get(0).jsonPath();
    }

    /** A payer-to-payer client that may also read Groups (the result). */
    static RequestSpecification asPayer(String clientId) {
        return given().auth().oauth2(AttributionTestResource.TOKENS.payerToken(clientId,
                "system/Patient.rs system/Group.rs", List.of(NEW_PAYER_NPI))).contentType("application/fhir+json");
    }

    private static String path(String absoluteUrl) {
        return absoluteUrl.substring("https://payer.example.test".length());
    }
}

package org.openpayer.bulkexport.export.kickoff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.openpayer.bulkexport.export.ExportTestClient.awaitManifest;
import static org.openpayer.bulkexport.export.ExportTestClient.downloadAll;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.export.ExportTestClient;
import org.openpayer.bulkexport.export.ExportTestResource;
import org.openpayer.bulkexport.export.MemberDataFixture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PDex's payer-to-payer export of a Group of matched members ({@code $davinci-data-export}, exportType
 * {@code #payertopayer}) by the payer client that matched them: each member's Consent decides what goes (a
 * {@code #regular} Consent no sensitive-labelled resource, a {@code #sensitive} one everything), within PDex's
 * five-year window; provider access opt-outs do not apply. Nobody else exports the Group, it is exported in no other
 * way, and an export under a Consent no longer in force is refused with an OperationOutcome.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(ExportTestResource.class)
class PayerToPayerExportIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAYER_TO_PAYER = "exportType=hl7.fhir.us.davinci-pdex%23payertopayer";

    @Test
    void payerToPayer_byTheOwner_appliesEachMembersConsentAndTheFiveYearWindow() throws Exception {
        // given
        String token = owner();

        // when
        JsonPath manifest = awaitManifest(token, ExportTestClient.kickOff(token,
                path(MemberDataFixture.MATCH_GROUP), PAYER_TO_PAYER));

        // then
        Map<String, List<String>> lines = downloadAll(manifest);
        assertThat(ids(lines.get("Patient"))).as("mp1 opted out of provider access, which does not apply here")
                .containsExactlyInAnyOrder("mp1", "mp2");
        assertThat(ids(lines.get("Coverage"))).as("coverage is no claim or clinical data: no window")
                .containsExactlyInAnyOrder("cov-mp1", "cov-mp2");
        assertThat(ids(lines.get("Observation"))).as("mp1 #regular: no HIV label; nothing before the window; "
                        + "mp2 #sensitive: its restricted one too")
                .containsExactlyInAnyOrder("om1-plain", "om1-normal", "om2-restricted");
        assertThat(manifest.getList("error")).isEmpty();
    }

    @Test
    void payerToPayer_patientSubset_exportsOnlyThoseMembers() throws Exception {
        String token = owner();
        Response response = given().auth().oauth2(token).header("Prefer", "respond-async")
                .contentType("application/fhir+json")
                .body("{\"resourceType\":\"Parameters\",\"parameter\":["
                        + "{\"name\":\"exportType\",\"valueString\":\"hl7.fhir.us.davinci-pdex#payertopayer\"},"
                        + "{\"name\":\"_type\",\"valueString\":\"Observation\"},"
                        + "{\"name\":\"patient\",\"valueReference\":{\"reference\":\"Patient/mp2\"}}]}")
                .post(path(MemberDataFixture.MATCH_GROUP));
        response.then().statusCode(202);

        JsonPath manifest = awaitManifest(token, response.header("Content-Location"));

        assertThat(ids(downloadAll(manifest).get("Observation"))).containsExactly("om2-restricted");
    }

    @Test
    void payerToPayer_underConsentsNoLongerInForce_isRefusedWithAnOperationOutcome() {
        given().auth().oauth2(owner()).urlEncodingEnabled(false)
                .get(path(MemberDataFixture.LAPSED_MATCH_GROUP) + "?" + PAYER_TO_PAYER)
                .then().statusCode(422)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("business-rule"))
                .body("issue[0].diagnostics", allOf(containsString("Patient/mp3"), containsString("Patient/mp4"),
                        containsString("no longer in force")));
        // the same client acting for another payer than the Consents' recipient is refused alike
        given().auth().oauth2(ExportTestResource.TOKENS.payerToken(MemberDataFixture.MATCH_OWNER, "system/*.rs",
                        List.of("http://hl7.org/fhir/sid/us-npi|5555555555"))).urlEncodingEnabled(false)
                .get(path(MemberDataFixture.MATCH_GROUP) + "?" + PAYER_TO_PAYER)
                .then().statusCode(422).body("issue[0].diagnostics", containsString("Patient/mp1"));
    }

    @Test
    void matchGroup_isExportedByNoOtherClient() throws Exception {
        String otherPayer = ExportTestResource.TOKENS.payerToken("another-payer-client", "system/*.rs",
                List.of(MemberDataFixture.NEW_PAYER_NPI));
        String grantedById = ExportTestResource.TOKENS.token("granted-provider", "system/*.rs",
                List.of(MemberDataFixture.MATCH_GROUP), List.of());
        for (String token : List.of(otherPayer, grantedById)) {
            given().auth().oauth2(token).urlEncodingEnabled(false)
                    .get(path(MemberDataFixture.MATCH_GROUP) + "?" + PAYER_TO_PAYER)
                    .then().statusCode(404).body("resourceType", equalTo("OperationOutcome"));
            given().auth().oauth2(token).get("/fhir/Group/" + MemberDataFixture.MATCH_GROUP + "/$export")
                    .then().statusCode(404);
        }
        JsonPath byGrant = awaitManifest(grantedById, ExportTestClient.kickOff(grantedById, "/fhir/Patient/$export",
                ""));
        assertThat(byGrant.getList("output")).as("no grant reaches a Group of matched members").isEmpty();
    }

    @Test
    void matchGroup_isExportedInNoOtherWay_andPayerToPayerExportsNothingElse() {
        String owner = owner();
        given().auth().oauth2(owner).get("/fhir/Group/" + MemberDataFixture.MATCH_GROUP + "/$export")
                .then().statusCode(400).body("issue[0].diagnostics", containsString("payertopayer"));
        given().auth().oauth2(owner).urlEncodingEnabled(false)
                .get(path(MemberDataFixture.MATCH_GROUP) + "?exportType=hl7.fhir.us.davinci-pdex%23provider-download")
                .then().statusCode(400);
        given().auth().oauth2(ExportTestResource.TOKENS.token("provider-client", "system/*.rs", List.of(),
                        List.of(MemberDataFixture.NPI))).urlEncodingEnabled(false)
                .get(path(MemberDataFixture.GROUP) + "?" + PAYER_TO_PAYER)
                .then().statusCode(400).body("issue[0].diagnostics", allOf(containsString("$bulk-member-match"),
                        not(containsString("mp1"))));
    }

    /** The client whose $bulk-member-match made both Groups of matched members, acting for the Consents' recipient. */
    private static String owner() {
        return ExportTestResource.TOKENS.payerToken(MemberDataFixture.MATCH_OWNER, "system/*.rs",
                List.of(MemberDataFixture.NEW_PAYER_NPI));
    }

    private static String path(String groupId) {
        return "/fhir/Group/" + groupId + "/$davinci-data-export";
    }

    private static List<String> ids(List<String> lines) throws Exception {
        List<String> ids = new ArrayList<>();
        for (String line : lines == null ? List.<String>of() : lines) {
            ids.add(JSON.readTree(line).path("id").asText());
        }
        return ids;
    }
}

package org.openpayer.bulkexport.attribution.roster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.AttributionTestResource;
import org.openpayer.bulkexport.attribution.DemoData;
import org.openpayer.bulkexport.model.fhir.IdentifierSystem;
import org.openpayer.bulkexport.stack.demo.DemoDataset;
import org.openpayer.bulkexport.stack.testing.TokenMint;

import java.util.List;

/**
 * Group read and discovery search with real tokens: a client sees only its own Groups, by id grant or by an
 * identifier grant; everything else looks like it does not exist.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(AttributionTestResource.class)
class GroupAccessIT {

    private static final TokenMint TOKENS = AttributionTestResource.TOKENS;
    private static final String EAST_NPI = IdentifierSystem.NPI.uri() + "|" + DemoDataset.EAST.npi();
    private static final String WEST_NPI = IdentifierSystem.NPI.uri() + "|" + DemoDataset.WEST.npi();

    @BeforeEach
    void demoData() {
        DemoData.ensureLoaded();
    }

    @Test
    void read_groupGrantedById_returnsItWithMembers() {
        String token = TOKENS.token("east-clinic", "system/*.rs", List.of(DemoDataset.EAST_GROUP_ID), List.of());

        given().auth().oauth2(token).get("/fhir/Group/" + DemoDataset.EAST_GROUP_ID)
                .then().statusCode(200)
                .contentType(startsWith("application/fhir+json"))
                .body("resourceType", equalTo("Group"))
                .body("meta.versionId", notNullValue())
                .body("meta.lastUpdated", notNullValue())
                .body("member", hasSize(DemoDataset.EAST_MEMBERS))
                .body("member[0].entity.reference", equalTo("Patient/pat-001"));
    }

    @Test
    void read_groupGrantedByNpi_returnsIt() {
        String token = TOKENS.token("east-clinic", "system/Group.read", List.of(), List.of(EAST_NPI));

        given().auth().oauth2(token).get("/fhir/Group/" + DemoDataset.EAST_GROUP_ID).then().statusCode(200);
    }

    @Test
    void read_anotherClientsGroup_is404LikeAnUnknownOne() {
        String token = TOKENS.token("east-clinic", "system/*.rs", List.of(), List.of(EAST_NPI));

        given().auth().oauth2(token).get("/fhir/Group/" + DemoDataset.WEST_GROUP_ID)
                .then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("not-found"));
        given().auth().oauth2(token).get("/fhir/Group/no-such-group")
                .then().statusCode(404)
                .body("issue[0].code", equalTo("not-found"));
    }

    @Test
    void read_withoutToken_is401WithBearerChallenge() {
        given().get("/fhir/Group/" + DemoDataset.EAST_GROUP_ID)
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void read_expiredToken_is401() {
        given().auth().oauth2(TOKENS.expiredToken("east-clinic", "system/*.rs"))
                .get("/fhir/Group/" + DemoDataset.EAST_GROUP_ID)
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void read_tokenSignedByUnknownKey_is401() {
        given().auth().oauth2(TOKENS.tokenFromUnknownKey("east-clinic", "system/*.rs"))
                .get("/fhir/Group/" + DemoDataset.EAST_GROUP_ID)
                .then().statusCode(401);
    }

    @Test
    void read_tokenWithoutGroupScope_is403() {
        String token = TOKENS.token("east-clinic", "system/Patient.rs", List.of(DemoDataset.EAST_GROUP_ID), List.of());

        given().auth().oauth2(token).get("/fhir/Group/" + DemoDataset.EAST_GROUP_ID)
                .then().statusCode(403)
                .body("issue[0].code", equalTo("forbidden"));
    }

    @Test
    void search_byNpi_findsTheClientsGroup() {
        String token = TOKENS.token("east-clinic", "system/*.read", List.of(), List.of(EAST_NPI));

        given().auth().oauth2(token).queryParam("identifier", EAST_NPI).get("/fhir/Group")
                .then().statusCode(200)
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("searchset"))
                .body("total", equalTo(1))
                .body("entry[0].resource.id", equalTo(DemoDataset.EAST_GROUP_ID))
                .body("entry[0].fullUrl",
                        equalTo("https://payer.example.test/fhir/Group/" + DemoDataset.EAST_GROUP_ID));
    }

    @Test
    void search_byAnotherProvidersNpi_findsNothing() {
        String token = TOKENS.token("east-clinic", "system/*.rs", List.of(), List.of(EAST_NPI));

        given().auth().oauth2(token).queryParam("identifier", WEST_NPI).get("/fhir/Group")
                .then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void search_byValueWithoutSystem_matchesAnySystem() {
        String token = TOKENS.token("east-clinic", "system/*.rs", List.of(), List.of(EAST_NPI));

        given().auth().oauth2(token).queryParam("identifier", DemoDataset.EAST.tin()).get("/fhir/Group")
                .then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void search_twoValuesOred_andParametersAnded() {
        String token = TOKENS.token("both", "system/*.rs",
                List.of(DemoDataset.EAST_GROUP_ID, DemoDataset.WEST_GROUP_ID), List.of());

        given().auth().oauth2(token).queryParam("identifier", EAST_NPI + "," + WEST_NPI).get("/fhir/Group")
                .then().statusCode(200).body("total", equalTo(2));
        given().auth().oauth2(token).queryParam("identifier", EAST_NPI).queryParam("identifier", WEST_NPI)
                .get("/fhir/Group")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void search_unsupportedParameter_is400() {
        String token = TOKENS.token("east-clinic", "system/*.rs", List.of(), List.of(EAST_NPI));

        given().auth().oauth2(token).queryParam("managing-entity", "Organization/payer").get("/fhir/Group")
                .then().statusCode(400)
                .body("issue[0].code", equalTo("not-supported"));
    }

    @Test
    void search_withoutSearchPermission_is403() {
        String token = TOKENS.token("east-clinic", "system/Group.r", List.of(), List.of(EAST_NPI));

        given().auth().oauth2(token).queryParam("identifier", EAST_NPI).get("/fhir/Group")
                .then().statusCode(403);
    }

    @Test
    void unknownFhirPath_is404OperationOutcome() {
        String token = TOKENS.token("east-clinic", "system/*.rs", List.of(), List.of(EAST_NPI));

        given().auth().oauth2(token).get("/fhir/Nope/1")
                .then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"));
    }
}

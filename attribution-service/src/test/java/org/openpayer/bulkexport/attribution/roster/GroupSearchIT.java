package org.openpayer.bulkexport.attribution.roster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.AttributionTestResource;
import org.openpayer.bulkexport.attribution.DemoData;
import org.openpayer.bulkexport.model.fhir.IdentifierSystem;
import org.openpayer.bulkexport.stack.demo.DemoDataset;
import org.openpayer.bulkexport.stack.testing.TokenMint;

import java.util.List;

/**
 * The ATR discovery forms and summary modes, over the demo's two Groups, by a client granted both: each form must
 * find the east Group and not the west one.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(AttributionTestResource.class)
class GroupSearchIT {

    private static final TokenMint TOKENS = AttributionTestResource.TOKENS;
    private static final String SUBSETTED = "SUBSETTED";

    @BeforeEach
    void demoData() {
        DemoData.ensureLoaded();
    }

    @Test
    void search_identifierOfTypeNpi_findsTheGroupByItsBareNpi() {
        bothGroups().queryParam("identifier:of-type",
                        "http://terminology.hl7.org/CodeSystem/v2-0203|NPI|" + DemoDataset.EAST.npi())
                .get("/fhir/Group")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("entry[0].resource.id", equalTo(DemoDataset.EAST_GROUP_ID));
    }

    @Test
    void search_identifierOfTypeTax_findsTheGroupByItsTin() {
        bothGroups().queryParam("identifier:of-type",
                        "http://terminology.hl7.org/CodeSystem/v2-0203|TAX|" + DemoDataset.EAST.tin())
                .get("/fhir/Group")
                .then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void search_identifierOfTypeWithTwoParts_is400() {
        bothGroups().queryParam("identifier:of-type", "NPI|" + DemoDataset.EAST.npi())
                .get("/fhir/Group")
                .then().statusCode(400)
                .body("issue[0].code", equalTo("invalid"));
    }

    @Test
    void search_namePrefix_isCaseInsensitive() {
        bothGroups().queryParam("name", DemoDataset.EAST.name().substring(0, 6).toUpperCase())
                .get("/fhir/Group")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("entry[0].resource.id", equalTo(DemoDataset.EAST_GROUP_ID));
    }

    @Test
    void search_nameContainsAndExact() {
        bothGroups().queryParam("name:contains", "attribution list").get("/fhir/Group")
                .then().statusCode(200).body("total", equalTo(2));
        bothGroups().queryParam("name:exact", "attribution list").get("/fhir/Group")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void search_attributedToOrganization_findsItsGroup() {
        bothGroups().queryParam("characteristic", "attributed-to")
                .queryParam("characteristic-reference", "Organization/" + DemoDataset.EAST.id())
                .get("/fhir/Group")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("entry[0].resource.id", equalTo(DemoDataset.EAST_GROUP_ID));
    }

    @Test
    void search_pdexCharacteristicValueReference_isTheSameParameter() {
        bothGroups().queryParam("characteristic-value-reference", "Organization/" + DemoDataset.WEST.id())
                .get("/fhir/Group")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("entry[0].resource.id", equalTo(DemoDataset.WEST_GROUP_ID));
    }

    @Test
    void search_characteristicCodeOfAnotherSystem_findsNothing() {
        bothGroups().queryParam("characteristic", "http://example.org/other|attributed-to")
                .get("/fhir/Group")
                .then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void search_byIdAmongGrantedOnly() {
        String eastOnly = TOKENS.token("east-clinic", "system/*.rs", List.of(DemoDataset.EAST_GROUP_ID), List.of());

        given().auth().oauth2(eastOnly)
                .queryParam("_id", DemoDataset.EAST_GROUP_ID + "," + DemoDataset.WEST_GROUP_ID)
                .get("/fhir/Group")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("entry[0].resource.id", equalTo(DemoDataset.EAST_GROUP_ID));
    }

    @Test
    void search_summaryTrue_leavesMembersOutAndTagsTheSubset() {
        bothGroups().queryParam("identifier", IdentifierSystem.NPI.uri() + "|" + DemoDataset.EAST.npi())
                .queryParam("_summary", "true")
                .get("/fhir/Group")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("entry[0].resource.member", nullValue())
                .body("entry[0].resource.quantity", equalTo(DemoDataset.EAST_MEMBERS))
                .body("entry[0].resource.meta.tag.code", hasItem(SUBSETTED));
    }

    @Test
    void search_withoutSummary_streamsEachGroupsMembersIntoItsEntry() {
        bothGroups().queryParam("_id", DemoDataset.EAST_GROUP_ID + "," + DemoDataset.WEST_GROUP_ID)
                .get("/fhir/Group")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("entry.resource.id", hasItem(DemoDataset.EAST_GROUP_ID))
                .body("entry.find { it.resource.id == '" + DemoDataset.EAST_GROUP_ID + "' }.resource.member",
                        hasSize(DemoDataset.EAST_MEMBERS))
                .body("entry[0].search.mode", equalTo("match"));
    }

    @Test
    void search_summaryCount_returnsOnlyTheTotal() {
        bothGroups().queryParam("_summary", "count").get("/fhir/Group")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("entry", nullValue());
    }

    @Test
    void search_unknownSummaryMode_is400() {
        bothGroups().queryParam("_summary", "text").get("/fhir/Group")
                .then().statusCode(400)
                .body("issue[0].code", equalTo("not-supported"));
    }

    @Test
    void read_summaryTrue_leavesMembersOut() {
        bothGroups().queryParam("_summary", "true").get("/fhir/Group/" + DemoDataset.EAST_GROUP_ID)
                .then().statusCode(200)
                .body("member", nullValue())
                .body("meta.tag.code", hasItem(SUBSETTED));
    }

    @Test
    void read_full_streamsEveryMemberWithVersionHeaders() {
        bothGroups().get("/fhir/Group/" + DemoDataset.EAST_GROUP_ID)
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .header("Last-Modified", notNullValue())
                .body("member", hasSize(DemoDataset.EAST_MEMBERS))
                .body("meta.tag", nullValue());
    }

    @Test
    void read_summaryCount_is400() {
        bothGroups().queryParam("_summary", "count").get("/fhir/Group/" + DemoDataset.EAST_GROUP_ID)
                .then().statusCode(400);
    }

    @Test
    void vread_latestVersion_holdsTheMembersAsStored() {
        String etag = bothGroups().get("/fhir/Group/" + DemoDataset.EAST_GROUP_ID).then().extract().header("ETag");
        String versionId = etag.replaceAll("[^0-9]", "");

        bothGroups().get("/fhir/Group/" + DemoDataset.EAST_GROUP_ID + "/_history/" + versionId)
                .then().statusCode(200)
                .body("meta.versionId", equalTo(versionId))
                .body("member", hasSize(DemoDataset.EAST_MEMBERS));
    }

    @Test
    void history_listsVersionsWithoutMembers_taggedSubsetted() {
        bothGroups().get("/fhir/Group/" + DemoDataset.EAST_GROUP_ID + "/_history")
                .then().statusCode(200)
                .body("type", equalTo("history"))
                .body("entry[0].resource.member", nullValue())
                .body("entry[0].resource.meta.tag.code", hasItem(SUBSETTED));
    }

    @Test
    void vreadAndHistory_ofAnotherClientsGroup_are404() {
        RequestSpecification eastOnly = given().auth().oauth2(TOKENS.token("east-clinic", "system/*.rs",
                List.of(DemoDataset.EAST_GROUP_ID), List.of()));
        eastOnly.get("/fhir/Group/" + DemoDataset.WEST_GROUP_ID + "/_history/1").then().statusCode(404);
        given().auth().oauth2(TOKENS.token("east-clinic", "system/*.rs", List.of(DemoDataset.EAST_GROUP_ID),
                        List.of()))
                .get("/fhir/Group/" + DemoDataset.WEST_GROUP_ID + "/_history").then().statusCode(404);
    }

    private static RequestSpecification bothGroups() {
        return given().auth().oauth2(TOKENS.token("both", "system/*.rs",
                List.of(DemoDataset.EAST_GROUP_ID, DemoDataset.WEST_GROUP_ID), List.of()));
    }
}

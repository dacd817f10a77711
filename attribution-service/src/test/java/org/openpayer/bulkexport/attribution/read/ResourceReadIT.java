package org.openpayer.bulkexport.attribution.read;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.AttributionTestResource;
import org.openpayer.bulkexport.attribution.DemoData;
import org.openpayer.bulkexport.stack.demo.DemoDataset;
import org.openpayer.bulkexport.stack.testing.TokenMint;

import java.util.List;
import java.util.UUID;

/**
 * read, vread and history of member data and provider directory resources: a client reads the members of its own
 * Groups and the directory, and nothing of other members.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(AttributionTestResource.class)
class ResourceReadIT {

    private static final TokenMint TOKENS = AttributionTestResource.TOKENS;
    private static final String EAST_MEMBER = DemoDataset.patientId(1);
    private static final String WEST_MEMBER = DemoDataset.patientId(DemoDataset.EAST_MEMBERS + 1);

    @BeforeEach
    void demoData() {
        DemoData.ensureLoaded();
    }

    @Test
    void read_memberOfTheClientsGroup_isServedWithVersionHeaders() {
        eastClient().get("/fhir/Patient/" + EAST_MEMBER)
                .then().statusCode(200)
                .contentType(startsWith("application/fhir+json"))
                .header("ETag", startsWith("W/\""))
                .header("Last-Modified", notNullValue())
                .body("resourceType", equalTo("Patient"))
                .body("id", equalTo(EAST_MEMBER));
        eastClient().get("/fhir/Coverage/cov-" + EAST_MEMBER).then().statusCode(200);
    }

    @Test
    void read_memberOfAnotherProvidersGroup_is404LikeAnUnknownOne() {
        eastClient().get("/fhir/Patient/" + WEST_MEMBER)
                .then().statusCode(404)
                .body("issue[0].code", equalTo("not-found"));
        eastClient().get("/fhir/Coverage/cov-" + WEST_MEMBER).then().statusCode(404);
        eastClient().get("/fhir/Patient/no-such-patient").then().statusCode(404);
    }

    @Test
    void read_providerDirectory_isReadableWithTheScope() {
        eastClient().get("/fhir/Organization/" + DemoDataset.WEST.id())
                .then().statusCode(200)
                .body("resourceType", equalTo("Organization"));
    }

    @Test
    void read_typeTheTokenCannotRead_is403() {
        given().auth().oauth2(TOKENS.token("east-clinic", "system/Coverage.rs",
                        List.of(DemoDataset.EAST_GROUP_ID), List.of()))
                .get("/fhir/Patient/" + EAST_MEMBER)
                .then().statusCode(403)
                .body("issue[0].code", equalTo("forbidden"));
    }

    @Test
    void read_unknownType_is404() {
        eastClient().get("/fhir/Spaceship/1").then().statusCode(404).body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void vread_firstVersion_isServed() {
        eastClient().get("/fhir/Patient/" + EAST_MEMBER + "/_history/1")
                .then().statusCode(200)
                .header("ETag", equalTo("W/\"1\""))
                .body("meta.versionId", equalTo("1"));
    }

    @Test
    void vread_unknownOrMalformedVersion_is404() {
        eastClient().get("/fhir/Patient/" + EAST_MEMBER + "/_history/999").then().statusCode(404);
        eastClient().get("/fhir/Patient/" + EAST_MEMBER + "/_history/latest").then().statusCode(404);
    }

    @Test
    void vread_memberOfAnotherProvidersGroup_is404() {
        eastClient().get("/fhir/Patient/" + WEST_MEMBER + "/_history/1").then().statusCode(404);
    }

    @Test
    void history_listsEveryVersionNewestFirst() {
        String id = "prac-history-" + UUID.randomUUID();
        DemoData.load(practitioner(id, "First")).then().statusCode(200);
        DemoData.load(practitioner(id, "Second")).then().statusCode(200);

        eastClient().get("/fhir/Practitioner/" + id + "/_history")
                .then().statusCode(200)
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("history"))
                .body("total", equalTo(2))
                .body("entry[0].resource.name[0].family", equalTo("Second"))
                .body("entry[0].response.etag", equalTo("W/\"2\""))
                .body("entry[1].request.method", equalTo("POST"))
                .body("entry[1].resource.meta.versionId", equalTo("1"));
    }

    @Test
    void read_deletedResource_is410AndItsOldVersionStaysReadable() {
        String id = "prac-deleted-" + UUID.randomUUID();
        DemoData.load(practitioner(id, "Gone")).then().statusCode(200);
        given().auth().oauth2(TOKENS.token("payer-etl", "system/Practitioner.d", List.of(), List.of()))
                .delete("/fhir/Practitioner/" + id).then().statusCode(204);

        eastClient().get("/fhir/Practitioner/" + id)
                .then().statusCode(410)
                .body("issue[0].code", equalTo("deleted"));
        eastClient().get("/fhir/Practitioner/" + id + "/_history/2").then().statusCode(410);
        eastClient().get("/fhir/Practitioner/" + id + "/_history/1").then().statusCode(200);
        eastClient().get("/fhir/Practitioner/" + id + "/_history")
                .then().statusCode(200)
                .body("entry[0].request.method", equalTo("DELETE"))
                .body("entry[0].resource", nullValue());
    }

    @Test
    void read_withoutToken_is401() {
        given().get("/fhir/Patient/" + EAST_MEMBER).then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    private static RequestSpecification eastClient() {
        return given().auth().oauth2(TOKENS.token("east-clinic", "system/*.rs",
                List.of(DemoDataset.EAST_GROUP_ID), List.of()));
    }

    private static String practitioner(String id, String family) {
        return "{\"resourceType\":\"Practitioner\",\"id\":\"" + id + "\",\"name\":[{\"family\":\"" + family
                + "\"}]}\n";
    }
}

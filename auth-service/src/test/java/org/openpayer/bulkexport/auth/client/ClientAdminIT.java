package org.openpayer.bulkexport.auth.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.auth.AuthServiceTestResource;
import org.openpayer.bulkexport.smartclient.ClientKey;
import org.openpayer.bulkexport.model.security.AdminCredentials;

import java.util.List;
import java.util.Map;

/** The operators' client API: its own credential, validation before storage, OperationOutcome errors. */
@QuarkusIntegrationTest
@QuarkusTestResource(AuthServiceTestResource.class)
class ClientAdminIT {

    @Test
    void register_thenGetAndList_showTheClient() {
        String clientId = RegisteredClients.register(ClientKey.es384("k1"), List.of("system/*.read"));

        given().header(AdminCredentials.HEADER, AuthServiceTestResource.ADMIN_KEY)
                .get("/admin/clients/" + clientId)
                .then().statusCode(200)
                .body("clientId", equalTo(clientId))
                .body("scopes", equalTo(List.of("system/*.read")))
                .body("jwks.keys[0].kid", equalTo("k1"))
                .body("active", equalTo(true));
        given().header(AdminCredentials.HEADER, AuthServiceTestResource.ADMIN_KEY)
                .get("/admin/clients")
                .then().statusCode(200)
                .body("clientId", hasItem(clientId));
    }

    @Test
    void register_withoutAdminKey_is401OperationOutcome() {
        given().contentType(ContentType.JSON).body(Map.of("name", "x"))
                .post("/admin/clients")
                .then().statusCode(401)
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void register_withWrongAdminKey_is401() {
        given().header(AdminCredentials.HEADER, "guess").get("/admin/clients").then().statusCode(401);
    }

    @Test
    void register_withoutKeys_is400NamingTheProblem() {
        given().header(AdminCredentials.HEADER, AuthServiceTestResource.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "No keys", "scopes", List.of("system/*.rs")))
                .post("/admin/clients")
                .then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", equalTo("Give exactly one of jwksUrl (preferred) and jwks."));
    }

    @Test
    void register_withPrivateKey_is400() {
        ClientKey key = ClientKey.es384("private");
        given().header(AdminCredentials.HEADER, AuthServiceTestResource.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Leaky\",\"scopes\":[\"system/*.rs\"],"
                        + "\"jwks\":{\"keys\":[" + key.privateJwk() + "]}}")
                .post("/admin/clients")
                .then().statusCode(400)
                .body("issue[0].code", equalTo("invalid"));
    }

    @Test
    void register_withPatientScope_is400() {
        given().header(AdminCredentials.HEADER, AuthServiceTestResource.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Patient app", "scopes", List.of("patient/*.rs"),
                        "jwks", RegisteredClients.jwks(ClientKey.es384("p"))))
                .post("/admin/clients")
                .then().statusCode(400);
    }

    @Test
    void register_withHttpJwksUrl_is400() {
        given().header(AdminCredentials.HEADER, AuthServiceTestResource.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Plain http", "scopes", List.of("system/*.rs"),
                        "jwksUrl", "http://keys.example.com/jwks.json"))
                .post("/admin/clients")
                .then().statusCode(400);
    }

    @Test
    void register_withMalformedJson_is400OperationOutcome() {
        given().header(AdminCredentials.HEADER, AuthServiceTestResource.ADMIN_KEY)
                .contentType(ContentType.JSON).body("{\"name\": ")
                .post("/admin/clients")
                .then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void get_unknownClient_is404OperationOutcome() {
        given().header(AdminCredentials.HEADER, AuthServiceTestResource.ADMIN_KEY)
                .get("/admin/clients/nope")
                .then().statusCode(404)
                .body("issue[0].code", equalTo("not-found"));
    }
}

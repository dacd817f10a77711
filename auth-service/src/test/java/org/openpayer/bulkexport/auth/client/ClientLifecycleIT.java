package org.openpayer.bulkexport.auth.client;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.openpayer.bulkexport.auth.client.RegisteredClients.admin;
import static org.openpayer.bulkexport.auth.token.TokenRequests.URLS;
import static org.openpayer.bulkexport.auth.token.TokenRequests.expectError;
import static org.openpayer.bulkexport.auth.token.TokenRequests.tokenRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.auth.AuthServiceTestResource;
import org.openpayer.bulkexport.model.security.AccessTokenClaims;
import org.openpayer.bulkexport.smartclient.ClientAssertion;
import org.openpayer.bulkexport.smartclient.ClientKey;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What operators change after registration: disabling, key rotation and access, each effective on the next token. */
@QuarkusIntegrationTest
@QuarkusTestResource(AuthServiceTestResource.class)
class ClientLifecycleIT {

    private final ClientKey key = ClientKey.es384("life-" + UUID.randomUUID());

    @Test
    void disable_thenTokenRequests_areInvalidClient() {
        String clientId = RegisteredClients.register(key, List.of("system/*.rs"));

        admin().post("/admin/clients/" + clientId + "/disable").then().statusCode(200)
                .body("active", equalTo(false));

        expectError(tokenRequest(ClientAssertion.of(key, clientId, URLS.tokenUrl()).sign(), "system/*.rs").then(),
                401, "invalid_client");
    }

    @Test
    void enable_afterDisable_issuesTokensAgain() {
        String clientId = RegisteredClients.register(key, List.of("system/*.rs"));
        admin().post("/admin/clients/" + clientId + "/disable").then().statusCode(200);

        admin().post("/admin/clients/" + clientId + "/enable").then().statusCode(200)
                .body("active", equalTo(true));

        tokenRequest(ClientAssertion.of(key, clientId, URLS.tokenUrl()).sign(), "system/*.rs").then()
                .statusCode(200);
    }

    @Test
    void replaceKeys_inlineRotation_acceptsTheNewKeyAndRefusesTheOld() {
        String clientId = RegisteredClients.register(key, List.of("system/*.rs"));
        ClientKey successor = ClientKey.rs384("successor-" + UUID.randomUUID());

        admin().contentType(ContentType.JSON).body(Map.of("jwks", RegisteredClients.jwks(successor)))
                .put("/admin/clients/" + clientId + "/keys")
                .then().statusCode(200)
                .body("jwks.keys[0].kid", equalTo(successor.kid()));

        tokenRequest(ClientAssertion.of(successor, clientId, URLS.tokenUrl()).sign(), "system/*.rs").then()
                .statusCode(200);
        expectError(tokenRequest(ClientAssertion.of(key, clientId, URLS.tokenUrl()).sign(), "system/*.rs").then(),
                401, "invalid_client");
    }

    @Test
    void replaceKeys_bothSources_is400() {
        String clientId = RegisteredClients.register(key, List.of("system/*.rs"));

        admin().contentType(ContentType.JSON)
                .body(Map.of("jwks", RegisteredClients.jwks(key), "jwksUrl", "https://clinic.example/jwks"))
                .put("/admin/clients/" + clientId + "/keys")
                .then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void replaceAccess_narrowsTheNextGrant() {
        String clientId = RegisteredClients.register(key, List.of("system/*.rs"));

        admin().contentType(ContentType.JSON)
                .body(Map.of("scopes", List.of("system/Patient.rs"), "groupIds", List.of("group-b")))
                .put("/admin/clients/" + clientId + "/access")
                .then().statusCode(200)
                .body("scopes", equalTo(List.of("system/Patient.rs")))
                .body("groupIds", equalTo(List.of("group-b")));

        tokenRequest(ClientAssertion.of(key, clientId, URLS.tokenUrl()).sign(), "system/*.rs").then()
                .statusCode(200)
                .body("scope", equalTo("system/Patient.rs"));
    }

    @Test
    void replaceAccess_payerIdentifiers_travelInTheNextTokenOnly() throws Exception {
        String clientId = RegisteredClients.register(key, List.of("system/*.rs"));
        String before = tokenRequest(ClientAssertion.of(key, clientId, URLS.tokenUrl()).sign(), "system/*.rs")
                .then().statusCode(200).extract().path("access_token");

        admin().contentType(ContentType.JSON)
                .body(Map.of("scopes", List.of("system/Patient.rs"),
                        "payerIdentifiers", List.of("http://hl7.org/fhir/sid/us-npi|0123456789")))
                .put("/admin/clients/" + clientId + "/access")
                .then().statusCode(200)
                .body("payerIdentifiers", equalTo(List.of("http://hl7.org/fhir/sid/us-npi|0123456789")));
        String after = tokenRequest(ClientAssertion.of(key, clientId, URLS.tokenUrl()).sign(), "system/Patient.rs")
                .then().statusCode(200).extract().path("access_token");

        assertThat(claims(before).has(AccessTokenClaims.PAYER_IDENTIFIERS)).isFalse();
        assertThat(claims(after).path(AccessTokenClaims.PAYER_IDENTIFIERS).toString())
                .isEqualTo("[\"http://hl7.org/fhir/sid/us-npi|0123456789\"]");
    }

    @Test
    void replaceAccess_malformedPayerIdentifier_is400() {
        String clientId = RegisteredClients.register(key, List.of("system/*.rs"));

        admin().contentType(ContentType.JSON)
                .body(Map.of("scopes", List.of("system/*.rs"), "payerIdentifiers", List.of("0123456789")))
                .put("/admin/clients/" + clientId + "/access")
                .then().statusCode(400)
                .body("issue[0].diagnostics", equalTo("Payer identifiers are written system|value: 0123456789"));
    }

    @Test
    void replaceAccess_malformedScope_is400AndChangesNothing() {
        String clientId = RegisteredClients.register(key, List.of("system/*.rs"));

        admin().contentType(ContentType.JSON).body(Map.of("scopes", List.of("system/Patient.sr")))
                .put("/admin/clients/" + clientId + "/access")
                .then().statusCode(400);

        admin().get("/admin/clients/" + clientId).then().body("scopes", equalTo(List.of("system/*.rs")));
    }

    @Test
    void changes_toAnUnknownClient_are404() {
        admin().post("/admin/clients/nope/disable").then().statusCode(404)
                .body("issue[0].code", equalTo("not-found"));
        admin().contentType(ContentType.JSON).body(Map.of("scopes", List.of("system/*.rs")))
                .put("/admin/clients/nope/access").then().statusCode(404);
    }

    @Test
    void changes_withoutAdminKey_are401() {
        given().post("/admin/clients/any/disable").then().statusCode(401);
    }

    /** The claims of a token this service signed (its signature is TokenEndpointIT's concern). */
    private static JsonNode claims(String token) throws Exception {
        byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
        return new ObjectMapper().readTree(new String(payload, StandardCharsets.UTF_8));
    }
}

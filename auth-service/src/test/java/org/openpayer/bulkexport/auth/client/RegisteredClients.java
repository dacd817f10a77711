package org.openpayer.bulkexport.auth.client;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.openpayer.bulkexport.auth.AuthServiceTestResource;
import org.openpayer.bulkexport.smartclient.ClientKey;
import org.openpayer.bulkexport.model.security.AdminCredentials;

import java.util.List;
import java.util.Map;

/** Registers clients through the admin API, as an operator would, for tests that need one. */
public final class RegisteredClients {

    private RegisteredClients() {
    }

    /** Registers {@code key}'s public half inline and returns the new client id. */
    public static String register(ClientKey key, List<String> scopes) {
        return given()
                .header(AdminCredentials.HEADER, AuthServiceTestResource.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "Test clinic " + key.kid(),
                        "jwks", jwks(key),
                        "scopes", scopes,
                        "groupIds", List.of("group-a"),
                        "groupIdentifiers", List.of("http://hl7.org/fhir/sid/us-npi|1316206220")))
                .when().post("/admin/clients")
                .then().statusCode(201)
                .extract().path("clientId");
    }

    /** Registers a client whose keys are published at {@code jwksUrl}; returns the new client id. */
    public static String registerWithJwksUrl(String jwksUrl, List<String> scopes) {
        return admin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "Test clinic with a JWKS URL",
                        "jwksUrl", jwksUrl,
                        "scopes", scopes))
                .when().post("/admin/clients")
                .then().statusCode(201)
                .extract().path("clientId");
    }

    /** A request with the operators' credential. */
    public static RequestSpecification admin() {
        return given().header(AdminCredentials.HEADER, AuthServiceTestResource.ADMIN_KEY);
    }

    static JsonNode jwks(ClientKey key) {
        try {
            return new ObjectMapper().readTree(key.publicJwks());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

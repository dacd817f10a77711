package org.openpayer.bulkexport.auth.keys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.openpayer.bulkexport.auth.client.RegisteredClients.admin;
import static org.openpayer.bulkexport.auth.token.TokenRequests.URLS;
import static org.openpayer.bulkexport.auth.token.TokenRequests.tokenRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.auth.AuthServiceTestResource;
import org.openpayer.bulkexport.auth.client.RegisteredClients;
import org.openpayer.bulkexport.smartclient.ClientAssertion;
import org.openpayer.bulkexport.smartclient.ClientKey;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Rotation of our own signing keys: a successor is published before it signs (two seconds in these tests, minutes in
 * production), tokens switch to it at its start, and the old key stays published for the tokens it signed until an
 * operator (or the schedule) retires it.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(AuthServiceTestResource.class)
class SigningKeyRotationIT {

    private final ClientKey clientKey = ClientKey.es384("rot-" + UUID.randomUUID());

    @Test
    void rotate_publishesTheSuccessorBeforeItSigns_thenSwitches() throws Exception {
        String clientId = RegisteredClients.register(clientKey, List.of("system/*.rs"));
        String before = kidOf(token(clientId));

        JsonPath successor = admin().post("/admin/signing-keys").then().statusCode(201).extract().jsonPath();
        String successorKid = successor.getString("kid");
        Instant signsFrom = Instant.parse(successor.getString("signsFrom"));

        assertThat(publishedKids()).contains(before, successorKid);
        assertThat(signsFrom).isAfter(Instant.now());
        String duringPublishAhead = token(clientId);
        assertThat(kidOf(duringPublishAhead)).isEqualTo(before);

        sleepUntil(signsFrom.plusMillis(100));
        String after = token(clientId);

        assertThat(kidOf(after)).isEqualTo(successorKid);
        assertThat(verifies(duringPublishAhead)).as("a token of the old key still verifies").isTrue();
        assertThat(verifies(after)).isTrue();
    }

    @Test
    void retire_oldKey_isNoLongerPublished() throws Exception {
        String clientId = RegisteredClients.register(clientKey, List.of("system/*.rs"));
        String oldKid = kidOf(token(clientId));
        admin().queryParam("immediate", true).post("/admin/signing-keys").then().statusCode(201);

        admin().delete("/admin/signing-keys/" + oldKid).then().statusCode(200)
                .body("retiredAt", notNullValue());

        assertThat(publishedKids()).doesNotContain(oldKid);
        admin().get("/admin/signing-keys").then().statusCode(200)
                .body("find { it.kid == '" + oldKid + "' }.retiredAt", notNullValue());
    }

    @Test
    void retire_theKeySigningNow_is409() throws Exception {
        String clientId = RegisteredClients.register(clientKey, List.of("system/*.rs"));
        String signingKid = kidOf(token(clientId));

        admin().delete("/admin/signing-keys/" + signingKid).then().statusCode(409)
                .body("issue[0].code", equalTo("conflict"));
        assertThat(publishedKids()).contains(signingKid);
    }

    @Test
    void retire_unknownKey_is404() {
        admin().delete("/admin/signing-keys/no-such-kid").then().statusCode(404);
    }

    @Test
    void signingKeys_withoutAdminKey_are401() {
        given().post("/admin/signing-keys").then().statusCode(401);
        given().get("/admin/signing-keys").then().statusCode(401);
    }

    private String token(String clientId) {
        return tokenRequest(ClientAssertion.of(clientKey, clientId, URLS.tokenUrl()).sign(),
                "system/*.rs").then().statusCode(200).extract().path("access_token");
    }

    private static List<String> publishedKids() {
        return given().get("/auth/jwks").then().statusCode(200).extract().jsonPath().getList("keys.kid");
    }

    private static String kidOf(String token) throws Exception {
        return JsonWebStructure.fromCompactSerialization(token).getKeyIdHeaderValue();
    }

    private static boolean verifies(String token) throws Exception {
        JsonWebSignature jws = (JsonWebSignature) JsonWebStructure.fromCompactSerialization(token);
        String jwks = given().get("/auth/jwks").then().extract().asString();
        jws.setKey(new JsonWebKeySet(jwks).findJsonWebKey(jws.getKeyIdHeaderValue(), "EC", null, null).getKey());
        return jws.verifySignature();
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        Duration wait = Duration.between(Instant.now(), moment);
        if (!wait.isNegative()) {
            Thread.sleep(wait.toMillis());
        }
    }
}

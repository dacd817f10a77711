package org.openpayer.bulkexport.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpayer.bulkexport.auth.token.TokenRequests.URLS;
import static org.openpayer.bulkexport.auth.token.TokenRequests.expectError;
import static org.openpayer.bulkexport.auth.token.TokenRequests.tokenRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.auth.AuthServiceTestResource;
import org.openpayer.bulkexport.auth.client.RegisteredClients;
import org.openpayer.bulkexport.smartclient.ClientAssertion;
import org.openpayer.bulkexport.smartclient.ClientKey;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Clients that publish their keys at a JWKS URL (SMART's preferred registration), hosted here on loopback: how we
 * fetch it (timeout, size limit), how long we reuse it (Cache-Control), and how a client rotates its keys.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(AuthServiceTestResource.class)
class ClientJwksUrlIT {

    private static final List<String> SCOPES = List.of("system/*.rs");

    private final JwksHost host = JwksHost.start();
    private final ClientKey key = ClientKey.es384("url-" + UUID.randomUUID());

    @AfterEach
    void stopHost() {
        host.close();
    }

    @Test
    void token_registeredUrlWithoutJku_isAccepted() {
        String clientId = registerServing(key.publicJwks(), "max-age=300");

        tokenRequest(ClientAssertion.of(key, clientId, URLS.tokenUrl()).sign(), "system/*.rs").then()
                .statusCode(200);
    }

    @Test
    void token_jkuEqualToTheRegisteredUrl_isAccepted() {
        String clientId = registerServing(key.publicJwks(), "max-age=300");

        tokenRequest(ClientAssertion.of(key, clientId, URLS.tokenUrl()).withHeader("jku", host.url()).sign(),
                "system/*.rs").then().statusCode(200);
    }

    @Test
    void jwksCache_withinMaxAge_fetchesOnce() {
        String clientId = registerServing(key.publicJwks(), "max-age=300");

        for (int i = 0; i < 3; i++) {
            tokenRequest(ClientAssertion.of(key, clientId, URLS.tokenUrl()).sign(), "system/*.rs").then()
                    .statusCode(200);
        }

        assertThat(host.fetches()).isEqualTo(1);
    }

    @Test
    void jwksCache_noStore_fetchesForEveryAssertion() {
        String clientId = registerServing(key.publicJwks(), "no-store");

        for (int i = 0; i < 3; i++) {
            tokenRequest(ClientAssertion.of(key, clientId, URLS.tokenUrl()).sign(), "system/*.rs").then()
                    .statusCode(200);
        }

        assertThat(host.fetches()).isEqualTo(3);
    }

    @Test
    void clientRotation_newKidAtTheUrl_isFetchedDespiteTheCache() {
        String clientId = registerServing(key.publicJwks(), "max-age=3600");
        tokenRequest(ClientAssertion.of(key, clientId, URLS.tokenUrl()).sign(), "system/*.rs").then()
                .statusCode(200);
        ClientKey rotated = ClientKey.rs384("rotated-" + UUID.randomUUID());
        host.serve(rotated.publicJwks(), "max-age=3600");

        tokenRequest(ClientAssertion.of(rotated, clientId, URLS.tokenUrl()).sign(), "system/*.rs").then()
                .statusCode(200);
        assertThat(host.fetches()).isEqualTo(2);
    }

    @Test
    void clientRotation_retiredKeyNoLongerAtTheUrl_isInvalidClient() {
        String clientId = registerServing(key.publicJwks(), "no-store");
        host.serve(ClientKey.es384("successor").publicJwks(), "no-store");

        expectError(tokenRequest(ClientAssertion.of(key, clientId, URLS.tokenUrl()).sign(), "system/*.rs").then(),
                401, "invalid_client");
    }

    @Test
    void token_twoKeysWithTheAssertionsKidAtTheUrl_isInvalidClient() {
        ClientKey twin = ClientKey.es384(key.kid());
        String clientId = registerServing(
                "{\"keys\":[" + publicKey(key) + "," + publicKey(twin) + "]}", "no-store");

        expectError(tokenRequest(ClientAssertion.of(key, clientId, URLS.tokenUrl()).sign(), "system/*.rs").then(),
                401, "invalid_client");
    }

    @Test
    void token_jwksLargerThanTheLimit_isInvalidClient() {
        String padding = "x".repeat(70_000);
        String clientId = registerServing(
                "{\"keys\":[" + publicKey(key) + "],\"padding\":\"" + padding + "\"}", "no-store");

        expectError(tokenRequest(ClientAssertion.of(key, clientId, URLS.tokenUrl()).sign(), "system/*.rs").then(),
                401, "invalid_client");
    }

    @Test
    void token_jwksUrlSlowerThanTheTimeout_isInvalidClient() {
        String clientId = registerServing(key.publicJwks(), "no-store");
        host.delay(Duration.ofSeconds(3));

        expectError(tokenRequest(ClientAssertion.of(key, clientId, URLS.tokenUrl()).sign(), "system/*.rs").then(),
                401, "invalid_client");
    }

    @Test
    void token_jwksUrlServingSomethingElse_isInvalidClient() {
        String clientId = registerServing("<html>not keys</html>", "no-store");

        expectError(tokenRequest(ClientAssertion.of(key, clientId, URLS.tokenUrl()).sign(), "system/*.rs").then(),
                401, "invalid_client");
    }

    private String registerServing(String jwks, String cacheControl) {
        host.serve(jwks, cacheControl);
        return RegisteredClients.registerWithJwksUrl(host.url(), SCOPES);
    }

    private static String publicKey(ClientKey key) {
        String set = key.publicJwks();
        return set.substring(set.indexOf('[') + 1, set.lastIndexOf(']'));
    }
}

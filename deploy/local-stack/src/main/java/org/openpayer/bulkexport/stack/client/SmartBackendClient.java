package org.openpayer.bulkexport.stack.client;

import com.fasterxml.jackson.databind.JsonNode;
import org.openpayer.bulkexport.smartclient.ClientAssertion;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Gets access tokens the SMART Backend Services way: a fresh signed assertion per request, cached until shortly
 * before the token expires.
 */
public final class SmartBackendClient {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);

    private final HttpCalls http;
    private final ClientCredentials credentials;
    private String token;
    private Instant tokenExpiresAt = Instant.EPOCH;

    public SmartBackendClient(HttpCalls http, ClientCredentials credentials) {
        this.http = http;
        this.credentials = credentials;
    }

    public synchronized String accessToken() {
        if (token == null || Instant.now().isAfter(tokenExpiresAt.minus(RENEW_BEFORE_EXPIRY))) {
            HttpResponse<String> response = requestToken(
                    ClientAssertion.of(credentials.key(), credentials.clientId(), credentials.tokenUrl()).sign(),
                    credentials.scope());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request refused: HTTP " + response.statusCode() + " "
                        + response.body());
            }
            JsonNode body = HttpCalls.json(response);
            token = body.path("access_token").asText();
            tokenExpiresAt = Instant.now().plusSeconds(body.path("expires_in").asLong());
        }
        return token;
    }

    /** One raw token request, for callers that want to see refusals. */
    public HttpResponse<String> requestToken(String assertion, String scope) {
        return http.postForm(credentials.tokenUrl(), Map.of(
                "grant_type", "client_credentials",
                "client_assertion_type", ClientAssertion.TYPE,
                "client_assertion", assertion,
                "scope", scope));
    }

    public ClientCredentials credentials() {
        return credentials;
    }
}

package org.openpayer.bulkexport.auth.keys;

import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;
import org.openpayer.bulkexport.auth.client.RegisteredClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The public keys a client signs its assertions with: stored inline, or fetched from its registered JWKS URL with a
 * timeout and a size limit. Fetch failures are {@link KeyUnavailableException}s, which the token endpoint answers
 * with invalid_client like any other authentication failure.
 */
@ApplicationScoped
public class ClientKeySource {

    private final ClientKeyPolicy policy;
    private final HttpClient http;

    public ClientKeySource(ClientKeyPolicy policy) {
        this.policy = policy;
        this.http = HttpClient.newBuilder()
                .connectTimeout(policy.fetchTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public List<JsonWebKey> keysOf(RegisteredClient client) {
        try {
            String json = client.jwks != null ? client.jwks : fetch(client.jwksUrl);
            return new JsonWebKeySet(json).getJsonWebKeys();
        } catch (JoseException e) {
            throw new KeyUnavailableException("the client's JWKS cannot be read");
        }
    }

    private String fetch(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(policy.fetchTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new KeyUnavailableException("the client's JWKS URL answered " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(policy.maxBytes() + 1);
                if (bytes.length > policy.maxBytes()) {
                    throw new KeyUnavailableException(
                            "the client's JWKS is larger than " + policy.maxBytes() + " bytes");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new KeyUnavailableException("the client's JWKS URL cannot be fetched");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyUnavailableException("interrupted while fetching the client's JWKS");
        }
    }

    /** The client's keys could not be obtained; the message is safe to return to the client. */
    public static class KeyUnavailableException extends RuntimeException {
        public KeyUnavailableException(String message) {
            super(message, null, false, false);
        }
    }
}

package org.openpayer.bulkexport.auth.keys;

import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Fetches a client's JWKS from its registered URL: {@code GET} with {@code Accept: application/json}, a timeout, a
 * size limit and no redirects (a redirect would let the key source move away from the URL the operator registered).
 */
@ApplicationScoped
public class JwksFetcher {

    private final ClientJwksSettings settings;
    private final HttpClient http;

    public JwksFetcher(ClientJwksSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.fetchTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    FetchedJwks fetch(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(settings.fetchTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new KeyUnavailableException("the client's JWKS URL answered " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(settings.maxBytes() + 1);
                if (bytes.length > settings.maxBytes()) {
                    throw new KeyUnavailableException(
                            "the client's JWKS is larger than " + settings.maxBytes() + " bytes");
                }
                JsonWebKeySet set = new JsonWebKeySet(new String(bytes, StandardCharsets.UTF_8));
                return new FetchedJwks(set.getJsonWebKeys(), JwksCacheLifetime.of(
                        response.headers().allValues("Cache-Control"),
                        settings.defaultCacheTime(), settings.maxCacheTime()));
            }
        } catch (JoseException e) {
            throw new KeyUnavailableException("the client's JWKS URL did not return a JSON Web Key Set");
        } catch (IOException e) {
            throw new KeyUnavailableException("the client's JWKS URL cannot be fetched in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyUnavailableException("interrupted while fetching the client's JWKS");
        }
    }
}

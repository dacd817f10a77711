package org.openpayer.bulkexport.bench;

import org.openpayer.bulkexport.smartclient.ClientAssertion;
import org.openpayer.bulkexport.smartclient.ClientKey;
import org.openpayer.bulkexport.stack.client.HttpCalls;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Prepares complete token requests, each with its own signed client assertion. Every assertion's jti is accepted once
 * only, so a run needs as many assertions as requests; they are all signed before the clock starts, because RSA
 * signing on the machine's two cores would otherwise compete with auth-service and dominate the measurement.
 */
final class TokenRequests {

    static final String SCOPE = "system/*.rs";
    private static final String JWT_BEARER = ClientAssertion.TYPE;
    /** The longest lifetime auth-service accepts: a run must finish within it (plus its 60 s clock skew). */
    private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final ClientKey key;
    private final String clientId;
    private final String tokenUrl;

    /**
     * @param tokenUrl where requests go, and each assertion's {@code aud}: auth-service's configured token URL
     */
    TokenRequests(ClientKey key, String clientId, String tokenUrl) {
        this.key = key;
        this.clientId = clientId;
        this.tokenUrl = tokenUrl;
    }

    /** Signs {@code count} assertions (on every core, since nothing is being measured yet) into ready requests. */
    List<HttpRequest> presign(int count) {
        URI uri = URI.create(tokenUrl);
        return IntStream.range(0, count).parallel()
                .mapToObj(i -> request(uri, ClientAssertion.of(key, clientId, tokenUrl)
                        .withExpiresIn(ASSERTION_LIFETIME).sign()))
                .toList();
    }

    private static HttpRequest request(URI uri, String assertion) {
        String form = "grant_type=client_credentials"
                + "&client_assertion_type=" + HttpCalls.encode(JWT_BEARER)
                + "&client_assertion=" + HttpCalls.encode(assertion)
                + "&scope=" + HttpCalls.encode(SCOPE);
        return HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }
}

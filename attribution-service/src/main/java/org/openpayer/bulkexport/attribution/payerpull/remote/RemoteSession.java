package org.openpayer.bulkexport.attribution.payerpull.remote;

import com.fasterxml.jackson.databind.JsonNode;
import org.openpayer.bulkexport.attribution.payerpull.PullDeadline;
import org.openpayer.bulkexport.attribution.payerpull.PullFailure;
import org.openpayer.bulkexport.attribution.payerpull.PullStep;
import org.openpayer.bulkexport.attribution.payerpull.registry.RemotePayer;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.smartclient.ClientAssertion;
import org.openpayer.bulkexport.smartclient.ClientKey;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One pull's conversation with the old payer: SMART Backend Services tokens (a fresh signed assertion each, the token
 * reused until shortly before it expires) and the bearer-authorized calls of the pull, all to the payer's registered
 * origins.
 */
public final class RemoteSession {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);
    private static final long DEFAULT_TOKEN_SECONDS = 300;

    private final RemotePayer payer;
    private final ClientKey key;
    private final RemoteHttpClient http;
    private final Set<String> origins;
    private String token;
    private Instant tokenExpiresAt = Instant.EPOCH;

    public RemoteSession(RemotePayer payer, ClientKey key, RemoteHttpClient http) {
        this.payer = payer;
        this.key = key;
        this.http = http;
        this.origins = payer.origins();
    }

    public RemotePayer payer() {
        return payer;
    }

    /** Gets a first token, so a refusal is reported as the token step's failure before anything else is asked. */
    public void authenticate() throws InterruptedException {
        accessToken();
    }

    /** A valid access token at the old payer, requested anew when the last one is about to expire. */
    String accessToken() throws InterruptedException {
        if (token != null && Instant.now().isBefore(tokenExpiresAt.minus(RENEW_BEFORE_EXPIRY))) {
            return token;
        }
        String what = "The token request at " + payer.tokenUrl();
        RemoteResponse response = http.exchange(new RemoteCall(PullStep.TOKEN, what, HttpRequest.newBuilder(
                        URI.create(payer.tokenUrl()))
                .timeout(http.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type", "client_credentials",
                        "client_assertion_type", ClientAssertion.TYPE,
                        "client_assertion", ClientAssertion.of(key, payer.clientId(), payer.tokenUrl()).sign(),
                        "scope", payer.scope()))))
                .build(), origins));
        if (response.status() != 200) {
            throw response.refusal(PullStep.TOKEN, what);
        }
        JsonNode answer = response.json(PullStep.TOKEN);
        String accessToken = answer.path("access_token").asText("");
        if (accessToken.isBlank()) {
            throw new PullFailure(PullStep.TOKEN, what + ": the old payer's answer holds no access_token.");
        }
        token = accessToken;
        tokenExpiresAt = Instant.now().plusSeconds(answer.path("expires_in").asLong(DEFAULT_TOKEN_SECONDS));
        return token;
    }

    RemoteResponse get(PullStep step, String what, String url, String accept) throws InterruptedException {
        return http.exchange(new RemoteCall(step, what, authorized(url, accept).GET().build(), origins));
    }

    RemoteResponse postFhir(PullStep step, String what, String url, String parameters, Map<String, String> headers)
            throws InterruptedException {
        HttpRequest.Builder request = authorized(url, FhirMediaType.FHIR_JSON)
                .header("Content-Type", FhirMediaType.FHIR_JSON)
                .POST(HttpRequest.BodyPublishers.ofString(parameters));
        headers.forEach(request::header);
        return http.exchange(new RemoteCall(step, what, request.build(), origins));
    }

    RemoteResponse delete(PullStep step, String what, String url) throws InterruptedException {
        return http.exchange(new RemoteCall(step, what, authorized(url, "application/json").DELETE().build(),
                origins));
    }

    /**
     * Downloads an NDJSON file of the manifest, handing over its lines as they arrive; returns the bytes read, at most
     * {@code budget}. The token goes along only when the manifest requires it: Bulk Data says a client must not send
     * it otherwise (the URLs then carry their own access).
     */
    public long download(String url, boolean withToken, PullDeadline deadline, long budget,
                         NdjsonLineHandler lines) throws InterruptedException, SQLException {
        HttpRequest.Builder request = withToken ? authorized(url, FhirMediaType.FHIR_NDJSON)
                : HttpRequest.newBuilder(uri(url)).header("Accept", FhirMediaType.FHIR_NDJSON);
        GuardedBody body = http.download(new RemoteCall(PullStep.DOWNLOAD, "The download of " + url,
                request.timeout(http.requestTimeout()).GET().build(), origins), deadline.at());
        return NdjsonDownload.read(body, url, budget, lines);
    }

    private HttpRequest.Builder authorized(String url, String accept) throws InterruptedException {
        return HttpRequest.newBuilder(uri(url))
                .timeout(http.requestTimeout())
                .header("Authorization", "Bearer " + accessToken())
                .header("Accept", accept);
    }

    private static URI uri(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new PullFailure(PullStep.EXPORT, "The old payer gave a URL that is not one: " + url);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

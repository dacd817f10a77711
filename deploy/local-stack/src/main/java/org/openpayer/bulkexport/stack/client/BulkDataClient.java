package org.openpayer.bulkexport.stack.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The provider-side Bulk Data flow: find the attribution Group, kick off its export, poll the status URL (honouring
 * {@code Retry-After}) and download the NDJSON files of the manifest.
 */
public final class BulkDataClient {

    private static final long MAX_POLL_WAIT_MILLIS = 5_000;
    private static final int TOO_MANY_REQUESTS = 429;

    private final HttpCalls http;
    private final SmartBackendClient auth;

    public BulkDataClient(HttpCalls http, SmartBackendClient auth) {
        this.http = http;
        this.auth = auth;
    }

    /** {@code GET /fhir/Group?identifier=system|value}: the searchset Bundle. */
    public JsonNode searchGroups(String system, String value) {
        String url = fhirBase() + "/Group?identifier=" + HttpCalls.encode(system + "|" + value);
        return HttpCalls.json(expect(200, get(url)));
    }

    /** Kicks off {@code Group/{id}/$export} and returns the status URL from {@code Content-Location}. */
    public String kickOffGroupExport(String groupId, String query) {
        String url = fhirBase() + "/Group/" + groupId + "/$export" + (query.isEmpty() ? "" : "?" + query);
        HttpResponse<String> response = http.get(url, Map.of(
                "Authorization", "Bearer " + auth.accessToken(),
                "Accept", "application/fhir+json",
                "Prefer", "respond-async"));
        expect(202, response);
        return response.headers().firstValue("Content-Location")
                .orElseThrow(() -> new IllegalStateException("kick-off answered 202 without Content-Location"));
    }

    /**
     * Polls until the manifest is ready (waiting as {@code Retry-After} says, also after a 429), reporting each
     * {@code X-Progress}; fails when the job fails or times out.
     */
    public JsonNode awaitManifest(String statusUrl, Duration timeout, Consumer<String> progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get(statusUrl);
            if (response.statusCode() == 200) {
                return HttpCalls.json(response);
            }
            if (response.statusCode() == TOO_MANY_REQUESTS) {
                pause(retryAfterMillis(response));
                continue;
            }
            expect(202, response);
            response.headers().firstValue("X-Progress").ifPresent(progress);
            pause(retryAfterMillis(response));
        }
        throw new IllegalStateException("export not complete after " + timeout + ": " + statusUrl);
    }

    /** Downloads one output file, as lines. */
    public List<String> download(String fileUrl) {
        HttpResponse<String> response = expect(200, http.get(fileUrl, Map.of(
                "Authorization", "Bearer " + auth.accessToken(), "Accept", "application/fhir+ndjson")));
        return response.body().lines().filter(line -> !line.isBlank()).toList();
    }

    public HttpResponse<String> get(String url) {
        return http.get(url, Map.of("Authorization", "Bearer " + auth.accessToken(), "Accept", "application/json"));
    }

    private String fhirBase() {
        return auth.credentials().fhirBaseUrl();
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                    + " answered " + response.statusCode() + " (expected " + status + "): " + response.body());
        }
        return response;
    }

    private static long retryAfterMillis(HttpResponse<String> response) {
        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
        long millis = retryAfter.map(value -> {
            try {
                return Long.parseLong(value.trim()) * 1000;
            } catch (NumberFormatException e) {
                return 1000L;
            }
        }).orElse(1000L);
        return Math.min(Math.max(millis, 200), MAX_POLL_WAIT_MILLIS);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling", e);
        }
    }
}

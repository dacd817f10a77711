package org.openpayer.bulkexport.attribution.payerpull.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openpayer.bulkexport.attribution.payerpull.PullFailure;
import org.openpayer.bulkexport.attribution.payerpull.PullStep;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A response of another payer's server, its body read whole (small answers only: tokens, Parameters, manifests,
 * OperationOutcomes), and the one way its refusals become a pull's failure reason.
 *
 * @param request what was asked, as {@code METHOD url}, for messages
 * @param status  the HTTP status
 * @param headers the response headers
 * @param body    the body as text
 */
public record RemoteResponse(String request, URI uri, int status, HttpHeaders headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How much of a body that is neither an OperationOutcome nor an OAuth error a reason quotes. */
    private static final int QUOTED = 300;

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The body as JSON; a body that is not JSON is the old payer's fault, reported for {@code step}. */
    public JsonNode json(PullStep step) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new PullFailure(step, request + " answered HTTP " + status + " with a body that is not JSON.");
        }
    }

    /** The failure for an answer the pull cannot go on with: what was asked, the status, and what the server said. */
    public PullFailure refusal(PullStep step, String what) {
        return new PullFailure(step, what + ": the old payer answered HTTP " + status + explanation());
    }

    /**
     * What the server said: the OperationOutcome's diagnostics (or details), an OAuth error and its description, or
     * the start of any other body.
     */
    String explanation() {
        if (status / 100 == 3) {
            return ", a redirect to " + header("Location").orElse("nowhere") + "; redirects are not followed (SSRF "
                    + "protection): register the URL the old payer really serves.";
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        List<String> parts = new ArrayList<>();
        if (json != null && "OperationOutcome".equals(json.path("resourceType").asText())) {
            for (JsonNode issue : json.path("issue")) {
                String text = issue.path("diagnostics").asText(issue.at("/details/text").asText());
                if (!text.isBlank()) {
                    parts.add(text);
                }
            }
        } else if (json != null && json.hasNonNull("error")) {
            parts.add(json.path("error").asText() + (json.hasNonNull("error_description")
                    ? " (" + json.path("error_description").asText() + ")" : ""));
        } else if (body != null && !body.isBlank()) {
            String plain = body.strip().replaceAll("\\s+", " ");
            parts.add(plain.length() > QUOTED ? plain.substring(0, QUOTED) + "…" : plain);
        }
        return parts.isEmpty() ? "." : ": " + String.join(" ", parts);
    }
}

package org.openpayer.bulkexport.attribution.payerpull.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.payerpull.PullStep;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

class RemoteResponseTest {

    @Test
    void refusal_operationOutcome_quotesItsDiagnostics() {
        RemoteResponse response = response(500, Map.of(), "{\"resourceType\":\"OperationOutcome\",\"issue\":["
                + "{\"severity\":\"error\",\"code\":\"exception\",\"diagnostics\":\"Task 3 failed.\"}]}");

        assertThat(response.refusal(PullStep.EXPORT, "The export").getMessage())
                .isEqualTo("The export: the old payer answered HTTP 500: Task 3 failed.");
    }

    @Test
    void refusal_oauthError_quotesErrorAndDescription() {
        RemoteResponse response = response(401, Map.of(),
                "{\"error\":\"invalid_client\",\"error_description\":\"unknown kid\"}");

        assertThat(response.refusal(PullStep.TOKEN, "The token request").getMessage())
                .isEqualTo("The token request: the old payer answered HTTP 401: invalid_client (unknown kid)");
    }

    @Test
    void refusal_otherBody_quotesItsStart_andARedirectSaysWhereTo() {
        assertThat(response(503, Map.of(), "<html>  down\n for maintenance </html>")
                .refusal(PullStep.EXPORT, "x").getMessage()).endsWith("HTTP 503: <html> down for maintenance </html>");
        assertThat(response(307, Map.of("Location", List.of("https://elsewhere.example/x")), "")
                .refusal(PullStep.EXPORT, "x").getMessage()).contains("a redirect to https://elsewhere.example/x");
    }

    private static RemoteResponse response(int status, Map<String, List<String>> headers, String body) {
        return new RemoteResponse("GET https://old.example/fhir/x", URI.create("https://old.example/fhir/x"), status,
                HttpHeaders.of(headers, (name, value) -> true), body);
    }
}

package org.openpayer.bulkexport.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Writes a {@link FhirException} as its status and OperationOutcome. */
@Provider
public class FhirExceptionMapper implements ExceptionMapper<FhirException> {

    @Override
    public Response toResponse(FhirException exception) {
        Response response = OperationOutcomeResponses.of(
                exception.status().getStatusCode(), exception.issueType(), exception.getMessage());
        return exception.retryAfter()
                .map(wait -> Response.fromResponse(response)
                        .header("Retry-After", Math.max(1, wait.toSeconds())).build())
                .orElse(response);
    }
}

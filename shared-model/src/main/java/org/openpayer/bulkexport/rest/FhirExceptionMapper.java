package org.openpayer.bulkexport.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Writes a {@link FhirException} as its status and OperationOutcome. */
@Provider
public class FhirExceptionMapper implements ExceptionMapper<FhirException> {

    @Override
    public Response toResponse(FhirException exception) {
        return OperationOutcomeResponses.of(
                exception.status().getStatusCode(), exception.issueType(), exception.getMessage());
    }
}

package org.openpayer.bulkexport.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.fhir.IssueSeverity;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.model.fhir.OperationOutcomes;

/** Builds error responses whose body is an OperationOutcome, the one error shape of the FHIR API. */
public final class OperationOutcomeResponses {

    /** The challenge a resource server sends with every 401 (RFC 6750). */
    static final String BEARER_CHALLENGE = "Bearer realm=\"fhir\"";

    private OperationOutcomeResponses() {
    }

    public static Response of(int status, IssueType type, String diagnostics) {
        return Response.status(status)
                .type(FhirMediaType.FHIR_JSON)
                .entity(OperationOutcomes.toJsonLine(OperationOutcomes.of(IssueSeverity.ERROR, type, diagnostics)))
                .build();
    }

    /** A 401 that tells the client to come back with a bearer token. */
    public static Response unauthorized(String challenge, String diagnostics) {
        return Response.fromResponse(of(401, IssueType.LOGIN, diagnostics))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .build();
    }
}

package org.openpayer.bulkexport.rest;

import jakarta.ws.rs.core.Response.Status;
import org.openpayer.bulkexport.model.fhir.IssueType;

/**
 * A request the service refuses, with the HTTP status and the OperationOutcome issue the client gets. Throw it from
 * anywhere in request handling; {@link FhirExceptionMapper} writes the response.
 */
public class FhirException extends RuntimeException {

    private final Status status;
    private final IssueType issueType;

    public FhirException(Status status, IssueType issueType, String diagnostics) {
        super(diagnostics, null, false, false);
        this.status = status;
        this.issueType = issueType;
    }

    public static FhirException badRequest(String diagnostics) {
        return new FhirException(Status.BAD_REQUEST, IssueType.INVALID, diagnostics);
    }

    public static FhirException notSupported(String diagnostics) {
        return new FhirException(Status.BAD_REQUEST, IssueType.NOT_SUPPORTED, diagnostics);
    }

    public static FhirException notFound(String diagnostics) {
        return new FhirException(Status.NOT_FOUND, IssueType.NOT_FOUND, diagnostics);
    }

    public static FhirException forbidden(String diagnostics) {
        return new FhirException(Status.FORBIDDEN, IssueType.FORBIDDEN, diagnostics);
    }

    /** A resource that existed and was deleted: FHIR reads answer 410. */
    public static FhirException gone(String diagnostics) {
        return new FhirException(Status.GONE, IssueType.DELETED, diagnostics);
    }

    public static FhirException conflict(String diagnostics) {
        return new FhirException(Status.CONFLICT, IssueType.CONFLICT, diagnostics);
    }

    public Status status() {
        return status;
    }

    public IssueType issueType() {
        return issueType;
    }
}

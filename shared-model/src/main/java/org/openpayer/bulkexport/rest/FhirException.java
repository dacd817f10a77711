package org.openpayer.bulkexport.rest;

import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response.StatusType;
import org.openpayer.bulkexport.model.fhir.IssueType;

import java.time.Duration;
import java.util.Optional;

/**
 * A request the service refuses, with the HTTP status and the OperationOutcome issue the client gets. Throw it from
 * anywhere in request handling; {@link FhirExceptionMapper} writes the response.
 */
public class FhirException extends RuntimeException {

    /** 422 Unprocessable Content: the Jakarta REST version we build on has no constant for it. */
    private static final StatusType UNPROCESSABLE = new StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Status.Family getFamily() {
            return Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    private final StatusType status;
    private final IssueType issueType;
    /** How long the client should wait before trying again ({@code Retry-After}); null when it need not wait. */
    private Duration retryAfter;

    public FhirException(StatusType status, IssueType issueType, String diagnostics) {
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

    /** Well-formed, but breaks a rule of the resource or of this server: FHIR's 422. */
    public static FhirException unprocessable(IssueType issueType, String diagnostics) {
        return new FhirException(UNPROCESSABLE, issueType, diagnostics);
    }

    /** A condition the client set ({@code If-Match}, a conditional create) does not hold. */
    public static FhirException preconditionFailed(String diagnostics) {
        return new FhirException(Status.PRECONDITION_FAILED, IssueType.CONFLICT, diagnostics);
    }

    /** The client asks too often or has too much running: 429 with {@code Retry-After}. */
    public static FhirException tooManyRequests(String diagnostics, Duration retryAfter) {
        FhirException exception = new FhirException(Status.TOO_MANY_REQUESTS, IssueType.THROTTLED, diagnostics);
        exception.retryAfter = retryAfter;
        return exception;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public static FhirException conflict(String diagnostics) {
        return new FhirException(Status.CONFLICT, IssueType.CONFLICT, diagnostics);
    }

    public StatusType status() {
        return status;
    }

    public IssueType issueType() {
        return issueType;
    }
}

package org.openpayer.bulkexport.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;
import org.openpayer.bulkexport.model.fhir.IssueType;

import java.util.Map;
import java.util.UUID;

/**
 * Everything else still answers as an OperationOutcome: framework errors keep their status (unknown path 404, wrong
 * method 405, wrong media type 415), unreadable JSON is a 400, and an unexpected failure is a 500 whose body carries
 * only a reference id, which the log pairs with the stack trace.
 */
public final class GeneralExceptionMappers {

    private static final Logger LOG = Logger.getLogger(GeneralExceptionMappers.class);

    private static final Map<Integer, IssueType> ISSUE_BY_STATUS = Map.of(
            401, IssueType.LOGIN,
            403, IssueType.FORBIDDEN,
            404, IssueType.NOT_FOUND,
            405, IssueType.NOT_SUPPORTED,
            406, IssueType.NOT_SUPPORTED,
            415, IssueType.NOT_SUPPORTED,
            429, IssueType.THROTTLED);

    private GeneralExceptionMappers() {
    }

    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException exception) {
            int status = exception.getResponse().getStatus();
            if (status >= 500) {
                return Unexpected.internalError(exception);
            }
            String reason = exception.getResponse().getStatusInfo().getReasonPhrase();
            IssueType issue = ISSUE_BY_STATUS.getOrDefault(status, IssueType.INVALID);
            String diagnostics = status == 404 ? "Unknown resource or operation." : reason;
            return OperationOutcomeResponses.of(status, issue, diagnostics);
        }
    }

    @Provider
    public static class UnreadableJson implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException exception) {
            String where = exception.getLocation() == null ? ""
                    : " at line " + exception.getLocation().getLineNr() + ", column "
                    + exception.getLocation().getColumnNr();
            return OperationOutcomeResponses.of(400, IssueType.INVALID,
                    "The request body is not valid JSON" + where + ".");
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable exception) {
            return internalError(exception);
        }

        static Response internalError(Throwable exception) {
            String reference = UUID.randomUUID().toString();
            LOG.errorf(exception, "internal error %s", reference);
            return OperationOutcomeResponses.of(500, IssueType.EXCEPTION,
                    "The server failed to process the request; reference " + reference + ".");
        }
    }
}

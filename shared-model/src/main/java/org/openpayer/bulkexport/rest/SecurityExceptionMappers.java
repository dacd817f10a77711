package org.openpayer.bulkexport.rest;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.openpayer.bulkexport.model.fhir.IssueType;

/**
 * OperationOutcome bodies for the framework's security failures. They reach JAX-RS because authentication is lazy
 * ({@code quarkus.http.auth.proactive=false}); the 401s carry the bearer challenge SMART clients expect.
 */
public final class SecurityExceptionMappers {

    private SecurityExceptionMappers() {
    }

    /** No token at all on a protected resource. */
    @Provider
    public static class Unauthorized implements ExceptionMapper<UnauthorizedException> {
        @Override
        public Response toResponse(UnauthorizedException exception) {
            return OperationOutcomeResponses.unauthorized(OperationOutcomeResponses.BEARER_CHALLENGE,
                    "This request needs an access token: send Authorization: Bearer <token> from the token endpoint.");
        }
    }

    /** A token that is malformed, expired, wrongly signed or meant for another audience. */
    @Provider
    public static class AuthenticationFailed implements ExceptionMapper<AuthenticationFailedException> {
        @Override
        public Response toResponse(AuthenticationFailedException exception) {
            return OperationOutcomeResponses.unauthorized(
                    OperationOutcomeResponses.BEARER_CHALLENGE + ", error=\"invalid_token\"",
                    "The access token is invalid or expired; request a new one from the token endpoint.");
        }
    }

    @Provider
    public static class Forbidden implements ExceptionMapper<ForbiddenException> {
        @Override
        public Response toResponse(ForbiddenException exception) {
            return OperationOutcomeResponses.of(403, IssueType.FORBIDDEN,
                    "The access token does not allow this request.");
        }
    }
}

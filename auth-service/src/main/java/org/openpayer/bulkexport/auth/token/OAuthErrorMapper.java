package org.openpayer.bulkexport.auth.token;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/** OAuth errors are JSON {@code {error, error_description}}, never cached, as RFC 6749 asks; not OperationOutcomes. */
@Provider
public class OAuthErrorMapper implements ExceptionMapper<OAuthError> {

    @Override
    public Response toResponse(OAuthError exception) {
        Response.ResponseBuilder response = Response.status(exception.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", exception.error(), "error_description", exception.getMessage()))
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache");
        if (exception.status() == 401) {
            response.header("WWW-Authenticate", "Bearer error=\"invalid_client\"");
        }
        return response.build();
    }
}

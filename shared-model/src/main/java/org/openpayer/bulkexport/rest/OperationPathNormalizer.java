package org.openpayer.bulkexport.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Lets clients write FHIR operation names percent-encoded ({@code /Group/1/%24export}), as many HTTP libraries do:
 * before routing, a {@code %24} that starts a path segment becomes {@code $}, so both spellings reach the same
 * operation. The query string is left alone.
 */
@Provider
@PreMatching
public class OperationPathNormalizer implements ContainerRequestFilter {

    private static final Pattern ENCODED_OPERATION = Pattern.compile("/%24", Pattern.CASE_INSENSITIVE);

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String rawPath = uri.getRawPath();
        if (rawPath != null && ENCODED_OPERATION.matcher(rawPath).find()) {
            String normalized = ENCODED_OPERATION.matcher(rawPath).replaceAll("/\\$");
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            request.setRequestUri(uri.resolve(normalized + query));
        }
    }
}

package org.openpayer.bulkexport.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpayer.bulkexport.model.security.AdminCredentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Lets a request reach an {@link AdminApi} resource only with the configured admin key. A service started without a
 * key refuses every admin call instead of falling back to a default.
 */
@Provider
@AdminApi
public class AdminKeyFilter implements ContainerRequestFilter {

    private final Optional<String> adminKey;

    public AdminKeyFilter(@ConfigProperty(name = "admin.api-key") Optional<String> adminKey) {
        this.adminKey = adminKey.filter(key -> !key.isBlank());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String presented = request.getHeaderString(AdminCredentials.HEADER);
        if (adminKey.isEmpty() || presented == null || !constantTimeEquals(adminKey.get(), presented)) {
            request.abortWith(OperationOutcomeResponses.unauthorized(AdminCredentials.HEADER,
                    "This operator API needs the admin key in the " + AdminCredentials.HEADER + " header."));
        }
    }

    private static boolean constantTimeEquals(String expected, String presented) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}

package org.openpayer.bulkexport.auth.discovery;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.openpayer.bulkexport.model.route.PublicPaths;
import org.openpayer.bulkexport.model.route.PublicUrls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SMART discovery, at the server root and under the FHIR base where clients look for it. Always JSON, whatever the
 * Accept header asks, with absolute URLs from configuration. We follow SMART 2.2, where backend-only servers have no
 * authorization endpoint.
 */
@Path("/")
public class SmartConfigurationResource {

    static final List<String> SIGNING_ALGORITHMS = List.of("RS384", "ES384");

    private final PublicUrls urls;

    public SmartConfigurationResource(PublicUrls urls) {
        this.urls = urls;
    }

    /** No {@code @Produces}: SMART says JSON whatever the client accepts, so no 406 from content negotiation. */
    @GET
    @Path(PublicPaths.SMART_CONFIGURATION)
    public Response atRoot() {
        return Response.ok(configuration(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path(PublicPaths.FHIR + PublicPaths.SMART_CONFIGURATION)
    public Response underFhirBase() {
        return atRoot();
    }

    private Map<String, Object> configuration() {
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("issuer", urls.issuer());
        configuration.put("jwks_uri", urls.jwksUrl());
        configuration.put("token_endpoint", urls.tokenUrl());
        configuration.put("grant_types_supported", List.of("client_credentials"));
        configuration.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        configuration.put("token_endpoint_auth_signing_alg_values_supported", SIGNING_ALGORITHMS);
        configuration.put("scopes_supported", List.of("system/*.rs", "system/*.read"));
        configuration.put("capabilities",
                List.of("client-confidential-asymmetric", "permission-v2", "permission-v1"));
        configuration.put("code_challenge_methods_supported", List.of("S256"));
        return configuration;
    }
}

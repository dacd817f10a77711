package org.openpayer.bulkexport.auth.token;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.openpayer.bulkexport.auth.client.RegisteredClient;
import org.openpayer.bulkexport.model.route.PublicPaths;
import org.openpayer.bulkexport.model.security.InvalidScopeException;
import org.openpayer.bulkexport.model.security.ScopeSet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SMART Backend Services token endpoint: {@code client_credentials} with a {@code private_key_jwt} assertion.
 * Checks run in the order of the SMART checklist, so a request with several problems hears about the first one.
 */
@Path(PublicPaths.TOKEN)
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final ClientAssertionVerifier verifier;
    private final AccessTokenIssuer issuer;

    public TokenResource(ClientAssertionVerifier verifier, AccessTokenIssuer issuer) {
        this.verifier = verifier;
        this.issuer = issuer;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(MultivaluedMap<String, String> form) {
        String grantType = single(form, "grant_type");
        if (grantType == null) {
            throw OAuthError.invalidRequest("grant_type is required.");
        }
        if (!"client_credentials".equals(grantType)) {
            throw OAuthError.unsupportedGrantType("Only client_credentials is supported.");
        }
        if (!JWT_BEARER.equals(single(form, "client_assertion_type"))) {
            throw OAuthError.invalidClient("client_assertion_type must be " + JWT_BEARER + ".");
        }
        String assertion = single(form, "client_assertion");
        if (assertion == null) {
            throw OAuthError.invalidClient("client_assertion is required.");
        }
        String scope = single(form, "scope");
        if (scope == null || scope.isBlank()) {
            throw OAuthError.invalidRequest("scope is required, e.g. system/*.rs.");
        }
        RegisteredClient client = verifier.verify(assertion, single(form, "client_id"));
        ScopeSet granted = grant(scope, client);
        AccessTokenIssuer.IssuedToken token = issuer.issue(client, granted);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token.accessToken());
        body.put("token_type", "bearer");
        body.put("expires_in", token.expiresInSeconds());
        body.put("scope", token.scope());
        return Response.ok(body).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    /** Anything but a form body is refused as OAuth requires, with JSON rather than the framework's 415. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response notForm() {
        throw OAuthError.invalidRequest("The token request must be application/x-www-form-urlencoded.");
    }

    private static ScopeSet grant(String requestedScope, RegisteredClient client) {
        ScopeSet requested;
        try {
            requested = ScopeSet.parse(requestedScope);
        } catch (InvalidScopeException e) {
            throw OAuthError.invalidScope(e.getMessage() + ".");
        }
        ScopeSet granted = requested.intersect(ScopeSet.parse(client.allowedScopes));
        if (granted.isEmpty()) {
            throw OAuthError.invalidScope("None of the requested scopes is allowed for this client.");
        }
        return granted;
    }

    /** RFC 6749: a parameter must not appear more than once. */
    private static String single(MultivaluedMap<String, String> form, String name) {
        List<String> values = form.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw OAuthError.invalidRequest(name + " must not be repeated.");
        }
        return values.get(0);
    }
}

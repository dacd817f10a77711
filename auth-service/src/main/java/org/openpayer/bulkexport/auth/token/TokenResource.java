package org.openpayer.bulkexport.auth.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.openpayer.bulkexport.model.security.ScopeRequest;
import org.openpayer.bulkexport.model.security.ScopeSet;
import org.openpayer.bulkexport.smartclient.ClientAssertion;

import java.util.List;

/**
 * The SMART Backend Services token endpoint: {@code client_credentials} with a {@code private_key_jwt} assertion.
 * Checks run in the order of the SMART checklist, so a request with several problems hears about the first one.
 */
@Path(PublicPaths.TOKEN)
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String JWT_BEARER = ClientAssertion.TYPE;

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

        ObjectNode body = JSON.createObjectNode()
                .put("access_token", token.accessToken())
                .put("token_type", "bearer")
                .put("expires_in", token.expiresInSeconds())
                .put("scope", token.scope());
        // Rendered here: the framework's writer lookup for a generic entity costs more than writing four fields.
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    /** Anything but a form body is refused as OAuth requires, with JSON rather than the framework's 415. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response notForm() {
        throw OAuthError.invalidRequest("The token request must be application/x-www-form-urlencoded.");
    }

    /**
     * What was asked, narrowed to the client's policy. Scopes we cannot honour are left out rather than refused
     * ({@link ScopeRequest}); the response's {@code scope} tells the client what it got.
     */
    private static ScopeSet grant(String requestedScope, RegisteredClient client) {
        ScopeRequest requested;
        try {
            requested = ScopeRequest.parse(requestedScope);
        } catch (InvalidScopeException e) {
            throw OAuthError.invalidScope(e.getMessage() + ".");
        }
        ScopeSet granted = requested.resourceScopes().intersect(ScopeSet.parse(client.allowedScopes));
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

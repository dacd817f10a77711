package org.openpayer.bulkexport.model.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The {@code scope} parameter of a token request, split into the resource scopes we may grant and the scopes we leave
 * out of every grant. SMART lets a server grant less than was asked; it must never grant more. So we omit scopes we
 * cannot honour instead of refusing the request: granular {@code ?param=value} scopes (we do not enforce their
 * filters, and granting the unfiltered scope would grant more) and the app-launch and OpenID scopes that mean nothing
 * to a backend client. Malformed resource scopes are still refused as invalid_scope.
 *
 * @param resourceScopes the scopes that take part in the grant
 * @param omitted        well-formed scopes left out of any grant
 */
public record ScopeRequest(ScopeSet resourceScopes, List<String> omitted) {

    private static final Set<String> NON_RESOURCE_SCOPES =
            Set.of("openid", "fhirUser", "profile", "offline_access", "online_access", "launch");

    public ScopeRequest {
        omitted = List.copyOf(omitted);
    }

    public static ScopeRequest parse(String spaceSeparated) {
        List<SmartScope> resourceScopes = new ArrayList<>();
        List<String> omitted = new ArrayList<>();
        if (spaceSeparated != null && !spaceSeparated.isBlank()) {
            for (String scope : Arrays.asList(spaceSeparated.trim().split("\\s+"))) {
                if (NON_RESOURCE_SCOPES.contains(scope) || scope.startsWith("launch/")) {
                    omitted.add(scope);
                } else if (scope.contains("?")) {
                    requireWellFormedGranular(scope);
                    omitted.add(scope);
                } else {
                    resourceScopes.add(SmartScope.parse(scope));
                }
            }
        }
        return new ScopeRequest(new ScopeSet(resourceScopes), omitted);
    }

    /** A granular scope is a v2 resource scope followed by a non-empty query: {@code system/Observation.rs?a=b}. */
    private static void requireWellFormedGranular(String scope) {
        int question = scope.indexOf('?');
        SmartScope base = SmartScope.parse(scope.substring(0, question));
        if (base.syntax() != ScopeSyntax.V2 || question == scope.length() - 1) {
            throw new InvalidScopeException("not a SMART v2 granular scope: " + scope);
        }
    }
}

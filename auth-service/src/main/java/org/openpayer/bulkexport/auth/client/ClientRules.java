package org.openpayer.bulkexport.auth.client;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.openpayer.bulkexport.model.security.InvalidScopeException;
import org.openpayer.bulkexport.model.security.ScopeSet;
import org.openpayer.bulkexport.model.security.SmartScope;
import org.openpayer.bulkexport.rest.FhirException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a client's settings must satisfy, checked when operators write them, so that nothing fails later at token
 * time. Each check returns the value as stored, or throws a 400 that names the problem.
 */
final class ClientRules {

    private ClientRules() {
    }

    static String name(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw FhirException.badRequest("A client needs a name of 1 to 200 characters.");
        }
        return name.strip();
    }

    /** SMART: every key has {@code kty} and a {@code kid} unique within the set; we also refuse private keys. */
    static String inlineJwks(String json) {
        try {
            JsonWebKeySet set = new JsonWebKeySet(json);
            if (set.getJsonWebKeys().isEmpty()) {
                throw FhirException.badRequest("The JWKS holds no keys.");
            }
            Set<String> kids = new HashSet<>();
            for (JsonWebKey key : set.getJsonWebKeys()) {
                if (key.getKeyId() == null || !kids.add(key.getKeyId())) {
                    throw FhirException.badRequest("Every key in the JWKS needs a kid of its own.");
                }
                if (key instanceof PublicJsonWebKey publicKey && publicKey.getPrivateKey() != null) {
                    throw FhirException.badRequest("Register public keys only; the JWKS holds private key material.");
                }
            }
            return set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (JoseException e) {
            throw FhirException.badRequest("The JWKS is not a valid JSON Web Key Set: " + e.getMessage());
        }
    }

    /** Backend clients get {@code system/} resource scopes only, in v1 or v2 syntax. */
    static String scopes(List<String> scopes) {
        if (scopes.isEmpty()) {
            throw FhirException.badRequest("A client needs at least one allowed scope, e.g. system/*.rs.");
        }
        try {
            ScopeSet parsed = ScopeSet.parse(String.join(" ", scopes));
            if (!parsed.scopes().stream().allMatch(SmartScope::isSystem)) {
                throw FhirException.badRequest("Backend services clients get system/ scopes only.");
            }
            return parsed.render();
        } catch (InvalidScopeException e) {
            throw FhirException.badRequest(e.getMessage());
        }
    }

    /** Identifiers are written {@code system|value}, both parts non-empty; {@code what} names them in the error. */
    static List<String> identifiers(String what, List<String> identifiers) {
        for (String identifier : identifiers) {
            int bar = identifier.indexOf('|');
            if (bar <= 0 || bar == identifier.length() - 1) {
                throw FhirException.badRequest(what + " are written system|value: " + identifier);
            }
        }
        return identifiers;
    }

    static List<String> groupIds(List<String> groupIds) {
        for (String id : groupIds) {
            if (!id.matches("[A-Za-z0-9\\-.]{1,64}")) {
                throw FhirException.badRequest("Not a FHIR resource id: " + id);
            }
        }
        return groupIds;
    }
}

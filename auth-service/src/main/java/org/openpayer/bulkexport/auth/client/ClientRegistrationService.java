package org.openpayer.bulkexport.auth.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.openpayer.bulkexport.auth.keys.ClientKeyPolicy;
import org.openpayer.bulkexport.model.security.InvalidScopeException;
import org.openpayer.bulkexport.model.security.ScopeSet;
import org.openpayer.bulkexport.model.security.SmartScope;
import org.openpayer.bulkexport.rest.FhirException;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Registers clients after checking everything that would otherwise fail at token time: a usable key source, public
 * keys only, SMART system scopes, and well-formed Group grants. The server assigns the client id.
 */
@ApplicationScoped
public class ClientRegistrationService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClientKeyPolicy keyPolicy;

    public ClientRegistrationService(ClientKeyPolicy keyPolicy) {
        this.keyPolicy = keyPolicy;
    }

    @Transactional
    public RegisteredClient register(ClientRegistration registration) {
        RegisteredClient client = new RegisteredClient();
        client.clientId = newClientId();
        client.name = requireName(registration.name());
        client.jwksUrl = registration.jwksUrl();
        client.jwks = registration.jwks() == null ? null : validatedJwks(registration.jwks().toString());
        if ((client.jwksUrl == null) == (client.jwks == null)) {
            throw FhirException.badRequest("Register exactly one of jwksUrl (preferred) and jwks.");
        }
        if (client.jwksUrl != null) {
            keyPolicy.requireAllowedJwksUrl(client.jwksUrl);
        }
        client.allowedScopes = validatedScopes(registration.scopes());
        client.groupIds = registration.groupIds();
        client.groupIdentifiers = validatedIdentifiers(registration.groupIdentifiers());
        client.active = true;
        client.createdAt = Instant.now();
        client.persist();
        return client;
    }

    private static String newClientId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw FhirException.badRequest("A client needs a name of 1 to 200 characters.");
        }
        return name.strip();
    }

    /** SMART: every key has {@code kty} and a {@code kid} unique within the set; we also refuse private keys. */
    private static String validatedJwks(String json) {
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

    private static String validatedScopes(List<String> scopes) {
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

    private static List<String> validatedIdentifiers(List<String> identifiers) {
        for (String identifier : identifiers) {
            int bar = identifier.indexOf('|');
            if (bar <= 0 || bar == identifier.length() - 1) {
                throw FhirException.badRequest("Group identifiers are written system|value: " + identifier);
            }
        }
        return identifiers;
    }
}

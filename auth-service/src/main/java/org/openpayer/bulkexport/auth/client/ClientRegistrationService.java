package org.openpayer.bulkexport.auth.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.openpayer.bulkexport.auth.keys.ClientKeyPolicy;
import org.openpayer.bulkexport.auth.keys.ClientKeySource;
import org.openpayer.bulkexport.rest.FhirException;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * Registers and changes clients after checking everything that would otherwise fail at token time ({@link
 * ClientRules}). The server assigns the client id. A disabled client gets no more tokens; those it holds expire within
 * the token lifetime.
 */
@ApplicationScoped
public class ClientRegistrationService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClientKeyPolicy keyPolicy;
    private final ClientKeySource keySource;

    public ClientRegistrationService(ClientKeyPolicy keyPolicy, ClientKeySource keySource) {
        this.keyPolicy = keyPolicy;
        this.keySource = keySource;
    }

    @Transactional
    public RegisteredClient register(ClientRegistration registration) {
        RegisteredClient client = new RegisteredClient();
        client.clientId = newClientId();
        client.name = ClientRules.name(registration.name());
        setKeys(client, new ClientKeysUpdate(registration.jwksUrl(), registration.jwks()));
        setAccess(client, new ClientAccessUpdate(
                registration.scopes(), registration.groupIds(), registration.groupIdentifiers(),
                registration.payerIdentifiers()));
        client.active = true;
        client.createdAt = Instant.now();
        client.updatedAt = client.createdAt;
        client.persist();
        return client;
    }

    /** Rotation: the new key source replaces the old one for every assertion from now on. */
    @Transactional
    public RegisteredClient replaceKeys(String clientId, ClientKeysUpdate keys) {
        RegisteredClient client = existing(clientId);
        String previousUrl = client.jwksUrl;
        setKeys(client, keys);
        client.updatedAt = Instant.now();
        keySource.forget(previousUrl);
        return client;
    }

    @Transactional
    public RegisteredClient replaceAccess(String clientId, ClientAccessUpdate access) {
        RegisteredClient client = existing(clientId);
        setAccess(client, access);
        client.updatedAt = Instant.now();
        return client;
    }

    @Transactional
    public RegisteredClient setActive(String clientId, boolean active) {
        RegisteredClient client = existing(clientId);
        client.active = active;
        client.updatedAt = Instant.now();
        return client;
    }

    private void setKeys(RegisteredClient client, ClientKeysUpdate keys) {
        if ((keys.jwksUrl() == null) == (keys.jwks() == null)) {
            throw FhirException.badRequest("Give exactly one of jwksUrl (preferred) and jwks.");
        }
        if (keys.jwksUrl() != null) {
            keyPolicy.requireAllowedJwksUrl(keys.jwksUrl());
        }
        client.jwksUrl = keys.jwksUrl();
        client.jwks = keys.jwks() == null ? null : ClientRules.inlineJwks(keys.jwks().toString());
    }

    private static void setAccess(RegisteredClient client, ClientAccessUpdate access) {
        client.allowedScopes = ClientRules.scopes(access.scopes());
        client.groupIds = ClientRules.groupIds(access.groupIds());
        client.groupIdentifiers = ClientRules.identifiers("Group identifiers", access.groupIdentifiers());
        client.payerIdentifiers = ClientRules.identifiers("Payer identifiers", access.payerIdentifiers());
    }

    private static RegisteredClient existing(String clientId) {
        RegisteredClient client = RegisteredClient.findById(clientId);
        if (client == null) {
            throw FhirException.notFound("No client " + clientId + ".");
        }
        return client;
    }

    private static String newClientId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

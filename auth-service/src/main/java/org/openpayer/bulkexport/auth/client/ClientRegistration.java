package org.openpayer.bulkexport.auth.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * What an operator sends to register a client: a name, either a JWKS URL or an inline JWKS, the scopes the client may
 * be granted, the attribution Groups it may access (by id, or by an identifier the Groups carry), and, for another
 * health plan's system (payer-to-payer exchange), the identifiers of that payer.
 */
public record ClientRegistration(
        String name,
        String jwksUrl,
        JsonNode jwks,
        List<String> scopes,
        List<String> groupIds,
        List<String> groupIdentifiers,
        List<String> payerIdentifiers) {

    public ClientRegistration {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
        groupIdentifiers = groupIdentifiers == null ? List.of() : List.copyOf(groupIdentifiers);
        payerIdentifiers = payerIdentifiers == null ? List.of() : List.copyOf(payerIdentifiers);
    }
}

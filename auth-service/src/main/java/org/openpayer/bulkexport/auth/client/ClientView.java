package org.openpayer.bulkexport.auth.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;
import java.util.List;

/** A registered client as the admin API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientView(
        String clientId,
        String name,
        String jwksUrl,
        @JsonRawValue String jwks,
        List<String> scopes,
        List<String> groupIds,
        List<String> groupIdentifiers,
        List<String> payerIdentifiers,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    static ClientView of(RegisteredClient client) {
        return new ClientView(client.clientId, client.name, client.jwksUrl, client.jwks,
                List.of(client.allowedScopes.split(" ")), client.groupIds, client.groupIdentifiers,
                client.payerIdentifiers, client.active, client.createdAt, client.updatedAt);
    }
}

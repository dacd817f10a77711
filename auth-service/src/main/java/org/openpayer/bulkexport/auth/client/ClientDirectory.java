package org.openpayer.bulkexport.auth.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Looks up the client of a token request. Plain JDBC in autocommit, since this runs for every token: one query, no
 * ORM session or transaction. The result is a detached {@link RegisteredClient}, read-only by contract.
 */
@ApplicationScoped
public class ClientDirectory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;

    public ClientDirectory(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The client with this id if it exists and is active. */
    public Optional<RegisteredClient> activeClient(String clientId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select name, jwks_url, jwks, allowed_scopes, group_ids::text, group_identifiers::text, "
                             + "payer_identifiers::text "
                             + "from auth.client where client_id = ? and active")) {
            query.setString(1, clientId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                RegisteredClient client = new RegisteredClient();
                client.clientId = clientId;
                client.name = row.getString(1);
                client.jwksUrl = row.getString(2);
                client.jwks = row.getString(3);
                client.allowedScopes = row.getString(4);
                client.groupIds = JSON.readValue(row.getString(5), STRINGS);
                client.groupIdentifiers = JSON.readValue(row.getString(6), STRINGS);
                client.payerIdentifiers = JSON.readValue(row.getString(7), STRINGS);
                client.active = true;
                return Optional.of(client);
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read client " + clientId, e);
        }
    }
}

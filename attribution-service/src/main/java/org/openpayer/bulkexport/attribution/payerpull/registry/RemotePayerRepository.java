package org.openpayer.bulkexport.attribution.payerpull.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The registry of payers we pull from (table {@code remote_payer}). */
@ApplicationScoped
public class RemotePayerRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS =
            "id, name, fhir_base_url, token_url, client_id, scope, private_key_ref, identifiers";
    private static final String INSERT = """
            insert into attribution.remote_payer (name, fhir_base_url, token_url, client_id, scope, private_key_ref,
              identifiers, id, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, clock_timestamp(), clock_timestamp())""";
    private static final String UPDATE = """
            update attribution.remote_payer set name = ?, fhir_base_url = ?, token_url = ?, client_id = ?, scope = ?,
              private_key_ref = ?, identifiers = ?::jsonb, updated_at = clock_timestamp()
            where id = ?""";

    private final AgroalDataSource dataSource;

    public RemotePayerRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void insert(RemotePayer payer) throws SQLException {
        write(INSERT, payer);
    }

    /** @return whether the payer existed */
    boolean update(RemotePayer payer) throws SQLException {
        return write(UPDATE, payer);
    }

    public Optional<RemotePayer> find(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select " + COLUMNS + " from attribution.remote_payer where id = ?")) {
            statement.setObject(1, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(payer(row)) : Optional.empty();
            }
        }
    }

    List<RemotePayer> list() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select " + COLUMNS + " from attribution.remote_payer order by name, id");
             ResultSet row = statement.executeQuery()) {
            List<RemotePayer> payers = new ArrayList<>();
            while (row.next()) {
                payers.add(payer(row));
            }
            return payers;
        }
    }

    private boolean write(String sql, RemotePayer payer) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, payer.name());
            statement.setString(2, payer.fhirBaseUrl());
            statement.setString(3, payer.tokenUrl());
            statement.setString(4, payer.clientId());
            statement.setString(5, payer.scope());
            statement.setString(6, payer.privateKeyRef());
            statement.setString(7, JSON.writeValueAsString(payer.identifiers()));
            statement.setObject(8, payer.id());
            return statement.executeUpdate() == 1;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always serializable", e);
        }
    }

    private static RemotePayer payer(ResultSet row) throws SQLException {
        try {
            return new RemotePayer(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                    row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                    JSON.readValue(row.getString(8), new TypeReference<List<String>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("remote_payer.identifiers is not a JSON list", e);
        }
    }
}

package org.openpayer.bulkexport.attribution.payerpull.ingest;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What pulls stored (table {@code payer_pull_import}): for each resource, where it came from and a hash of the content
 * stored. A pull skips a resource whose hash matches what is stored and still current, so pulling again writes no new
 * versions, and a deletion at the old payer deletes only what was imported from it.
 */
@ApplicationScoped
public class ImportLedger {

    /** One stored resource: our {@code type/id}, their id, the content's hash. */
    record Entry(String type, String id, String remoteId, String contentHash) {
    }

    private static final String STORED_HASHES = """
            select i.resource_type, i.id, i.content_hash
            from attribution.payer_pull_import i
            join unnest(?::varchar[], ?::varchar[]) as k(resource_type, id)
              on i.resource_type = k.resource_type and i.id = k.id
            join attribution.resource r on r.resource_type = i.resource_type and r.id = i.id and not r.deleted""";
    private static final String RECORD = """
            insert into attribution.payer_pull_import (resource_type, id, remote_payer_id, remote_id, content_hash,
              pull_id)
            values (?, ?, ?, ?, ?, ?)
            on conflict (resource_type, id) do update set remote_payer_id = excluded.remote_payer_id,
              remote_id = excluded.remote_id, content_hash = excluded.content_hash, pull_id = excluded.pull_id""";

    /** The hashes of those of {@code entries} that a pull stored and that are still current, by {@code type/id}. */
    Map<String, String> currentHashes(Connection connection, List<Entry> entries) throws SQLException {
        Map<String, String> hashes = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(STORED_HASHES)) {
            Array types = connection.createArrayOf("varchar", entries.stream().map(Entry::type).toArray());
            Array ids = connection.createArrayOf("varchar", entries.stream().map(Entry::id).toArray());
            statement.setArray(1, types);
            statement.setArray(2, ids);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    hashes.put(row.getString(1) + "/" + row.getString(2), row.getString(3));
                }
            }
        }
        return hashes;
    }

    void record(Connection connection, UUID payerId, UUID pullId, List<Entry> entries) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RECORD)) {
            for (Entry entry : entries) {
                statement.setString(1, entry.type());
                statement.setString(2, entry.id());
                statement.setObject(3, payerId);
                statement.setString(4, entry.remoteId());
                statement.setString(5, entry.contentHash());
                statement.setObject(6, pullId);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Whether our {@code type/id} was stored by a pull from {@code payerId}. */
    boolean importedFrom(Connection connection, String type, String id, UUID payerId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select 1 from attribution.payer_pull_import "
                + "where resource_type = ? and id = ? and remote_payer_id = ?")) {
            statement.setString(1, type);
            statement.setString(2, id);
            statement.setObject(3, payerId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }
}

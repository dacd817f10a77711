package org.openpayer.bulkexport.attribution.store;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.attribution.roster.GroupMembers;
import org.openpayer.bulkexport.attribution.search.SearchIndexValues;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes resources in batches, assigning versions and update times. One clock serves every instance: the
 * database's, at millisecond precision, the precision of {@code meta.lastUpdated} and of export {@code _since}.
 * Writes take row locks on the resources they replace, so concurrent writers of one resource serialize and versions
 * never repeat. The caller owns the transaction.
 */
@ApplicationScoped
public class ResourceStore {

    private static final String LOCK_CURRENT_VERSIONS = """
            select r.resource_type, r.id, r.version_id
            from attribution.resource r
            join unnest(?::varchar[], ?::varchar[]) as k(resource_type, id)
              on r.resource_type = k.resource_type and r.id = k.id
            for update of r""";
    private static final String UPSERT = """
            insert into attribution.resource (resource_type, id, version_id, last_updated, patient_id, deleted, content)
            values (?, ?, ?, ?, ?, false, ?)
            on conflict (resource_type, id) do update set
              version_id = excluded.version_id, last_updated = excluded.last_updated,
              patient_id = excluded.patient_id, deleted = false, content = excluded.content""";
    private static final String INSERT_HISTORY = """
            insert into attribution.resource_history (resource_type, id, version_id, last_updated, deleted, content)
            values (?, ?, ?, ?, false, ?)""";
    private static final String TOMBSTONE = """
            update attribution.resource set version_id = ?, last_updated = ?, deleted = true, content = null
            where resource_type = ? and id = ?""";
    private static final String INSERT_TOMBSTONE_HISTORY = """
            insert into attribution.resource_history (resource_type, id, version_id, last_updated, deleted, content)
            values (?, ?, ?, ?, true, null)""";

    private final SearchIndexStore searchIndex;

    public ResourceStore(SearchIndexStore searchIndex) {
        this.searchIndex = searchIndex;
    }

    /**
     * Stores a batch; each resource gets the next version of its own history. A batch must not name one resource
     * twice (split such input into two batches).
     *
     * @return what was stored of each resource, in batch order
     */
    public List<Stored> write(Connection connection, List<ResourceWrite> batch) throws SQLException {
        Instant now = clock(connection);
        Map<String, Long> currentVersions = lockCurrentVersions(connection, batch);
        List<Stored> stored = new ArrayList<>(batch.size());
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT);
             PreparedStatement history = connection.prepareStatement(INSERT_HISTORY)) {
            Timestamp lastUpdated = Timestamp.from(now);
            for (ResourceWrite write : batch) {
                long version = currentVersions.getOrDefault(write.key(), 0L) + 1;
                String content = write.content().render(version, now);
                stored.add(new Stored(content, version, now));
                upsert.setString(1, write.resourceType());
                upsert.setString(2, write.id());
                upsert.setLong(3, version);
                upsert.setTimestamp(4, lastUpdated);
                upsert.setString(5, write.patientId());
                upsert.setString(6, content);
                upsert.addBatch();
                history.setString(1, write.resourceType());
                history.setString(2, write.id());
                history.setLong(3, version);
                history.setTimestamp(4, lastUpdated);
                history.setString(5, content);
                history.addBatch();
            }
            upsert.executeBatch();
            history.executeBatch();
        }
        searchIndex.replace(connection, batch);
        return stored;
    }

    /**
     * Deletes a resource: its current row becomes a tombstone of the next version, history records the delete, and it
     * leaves the search index. Deleting what is already deleted or never existed changes nothing.
     *
     * @return the tombstone's version, or empty when there was nothing to delete
     */
    public Optional<Long> delete(Connection connection, String resourceType, String id) throws SQLException {
        ResourceWrite key = new ResourceWrite(resourceType, id, null, null, SearchIndexValues.NONE,
                GroupMembers.of(List.of()));
        Long current = lockCurrentVersions(connection, List.of(key)).get(key.key());
        if (current == null || isDeleted(connection, resourceType, id)) {
            return Optional.empty();
        }
        long version = current + 1;
        Timestamp now = Timestamp.from(clock(connection));
        try (PreparedStatement tombstone = connection.prepareStatement(TOMBSTONE);
             PreparedStatement history = connection.prepareStatement(INSERT_TOMBSTONE_HISTORY)) {
            tombstone.setLong(1, version);
            tombstone.setTimestamp(2, now);
            tombstone.setString(3, resourceType);
            tombstone.setString(4, id);
            tombstone.executeUpdate();
            history.setString(1, resourceType);
            history.setString(2, id);
            history.setLong(3, version);
            history.setTimestamp(4, now);
            history.executeUpdate();
        }
        searchIndex.replace(connection, List.of(key));
        return Optional.of(version);
    }

    /**
     * One stored version.
     *
     * @param content     the JSON as stored and served, meta included
     * @param versionId   its version
     * @param lastUpdated its update time
     */
    public record Stored(String content, long versionId, Instant lastUpdated) {
    }

    /** The patient compartment of a resource's current row, if it has one. */
    public Optional<String> patientId(Connection connection, String resourceType, String id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select patient_id from attribution.resource where resource_type = ? and id = ?")) {
            statement.setString(1, resourceType);
            statement.setString(2, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** The update time of a resource's current row (its tombstone's, if deleted). */
    public Instant lastUpdated(Connection connection, String resourceType, String id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select last_updated from attribution.resource where resource_type = ? and id = ?")) {
            statement.setString(1, resourceType);
            statement.setString(2, id);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getTimestamp(1).toInstant();
            }
        }
    }

    /** Whether the resource exists and is not deleted. */
    public boolean exists(Connection connection, String resourceType, String id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select 1 from attribution.resource where resource_type = ? and id = ? and not deleted")) {
            statement.setString(1, resourceType);
            statement.setString(2, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    private static boolean isDeleted(Connection connection, String resourceType, String id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select deleted from attribution.resource where resource_type = ? and id = ?")) {
            statement.setString(1, resourceType);
            statement.setString(2, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /**
     * The database's clock, truncated to the millisecond precision every reader compares at. The transaction takes its
     * id first: from then on it shows as a writer in {@code pg_stat_activity}, which is how an export choosing its
     * {@code transactionTime} knows not to pass a stamp this transaction may still commit (the read contract in
     * docs/architecture.md).
     */
    private static Instant clock(Connection connection) throws SQLException {
        try (PreparedStatement writer = connection.prepareStatement("select pg_current_xact_id()");
             ResultSet ignored = writer.executeQuery();
             PreparedStatement statement = connection.prepareStatement("select clock_timestamp()");
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getTimestamp(1).toInstant().truncatedTo(ChronoUnit.MILLIS);
        }
    }

    private static Map<String, Long> lockCurrentVersions(Connection connection, List<ResourceWrite> batch)
            throws SQLException {
        String[] types = batch.stream().map(ResourceWrite::resourceType).toArray(String[]::new);
        String[] ids = batch.stream().map(ResourceWrite::id).toArray(String[]::new);
        Map<String, Long> versions = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(LOCK_CURRENT_VERSIONS)) {
            Array typeArray = connection.createArrayOf("varchar", types);
            Array idArray = connection.createArrayOf("varchar", ids);
            statement.setArray(1, typeArray);
            statement.setArray(2, idArray);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    versions.put(result.getString(1) + "/" + result.getString(2), result.getLong(3));
                }
            }
        }
        return versions;
    }
}

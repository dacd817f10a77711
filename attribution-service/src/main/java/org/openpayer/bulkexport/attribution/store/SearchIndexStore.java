package org.openpayer.bulkexport.attribution.store;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.attribution.search.SearchIndexValues;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Keeps {@code search_token} and {@code search_date} equal to the current versions: a write replaces a resource's
 * rows, a delete leaves none. Runs in the writer's transaction, so a search never sees a resource half indexed.
 */
@ApplicationScoped
public class SearchIndexStore {

    private static final String DELETE_TOKENS = """
            delete from attribution.search_token t
            using unnest(?::varchar[], ?::varchar[]) as k(resource_type, id)
            where t.resource_type = k.resource_type and t.id = k.id""";
    private static final String DELETE_DATES = """
            delete from attribution.search_date d
            using unnest(?::varchar[], ?::varchar[]) as k(resource_type, id)
            where d.resource_type = k.resource_type and d.id = k.id""";
    private static final String INSERT_TOKEN = """
            insert into attribution.search_token (resource_type, id, param, system, code) values (?, ?, ?, ?, ?)""";
    private static final String INSERT_DATE = """
            insert into attribution.search_date (resource_type, id, param, low, high) values (?, ?, ?, ?, ?)""";

    /** Replaces the index rows of every resource in the batch with the values the batch carries. */
    void replace(Connection connection, List<ResourceWrite> batch) throws SQLException {
        deleteRows(connection, DELETE_TOKENS, batch);
        deleteRows(connection, DELETE_DATES, batch);
        try (PreparedStatement tokens = connection.prepareStatement(INSERT_TOKEN);
             PreparedStatement dates = connection.prepareStatement(INSERT_DATE)) {
            for (ResourceWrite write : batch) {
                for (SearchIndexValues.Token token : write.searchValues().tokens()) {
                    tokens.setString(1, write.resourceType());
                    tokens.setString(2, write.id());
                    tokens.setString(3, token.param());
                    tokens.setString(4, token.system());
                    tokens.setString(5, token.code());
                    tokens.addBatch();
                }
                for (SearchIndexValues.Date date : write.searchValues().dates()) {
                    dates.setString(1, write.resourceType());
                    dates.setString(2, write.id());
                    dates.setString(3, date.param());
                    dates.setObject(4, utc(date.range().low()));
                    dates.setObject(5, utc(date.range().high()));
                    dates.addBatch();
                }
            }
            tokens.executeBatch();
            dates.executeBatch();
        }
    }

    /** OffsetDateTime, not Timestamp: Timestamp's Julian calendar would move the open-range bound in year 1. */
    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void deleteRows(Connection connection, String sql, List<ResourceWrite> batch) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Array types = connection.createArrayOf("varchar",
                    batch.stream().map(ResourceWrite::resourceType).toArray());
            Array ids = connection.createArrayOf("varchar", batch.stream().map(ResourceWrite::id).toArray());
            statement.setArray(1, types);
            statement.setArray(2, ids);
            statement.executeUpdate();
        }
    }
}

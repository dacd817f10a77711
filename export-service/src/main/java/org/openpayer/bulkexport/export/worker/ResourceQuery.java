package org.openpayer.bulkexport.export.worker;

import org.openpayer.bulkexport.model.event.ExportTaskPlanned;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * The export hot path's query over attribution-service's resource table: one type, a batch of patient compartments,
 * changes up to the job's transaction time (after {@code _since}, before {@code _until}), current versions only. The
 * ordering makes a task's output the same on every run, so a redelivered task rewrites an identical file.
 */
final class ResourceQuery {

    /** Rows the driver fetches per round trip: the only rows in memory at once. */
    static final int FETCH_SIZE = 500;

    private static final String SELECT = """
            select content from attribution.resource
            where resource_type = ? and patient_id = any(?) and not deleted and last_updated <= ?""";
    private static final String SINCE = " and last_updated > ?";
    private static final String UNTIL = " and last_updated < ?";
    private static final String ORDER = " order by patient_id, id";

    private ResourceQuery() {
    }

    /**
     * Opens the streaming result. The connection must not auto-commit: PostgreSQL streams with a fetch size only
     * inside a transaction; otherwise it would load every row at once.
     */
    static ResultSet open(Connection connection, ExportTaskPlanned task) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(
                SELECT + (task.since() == null ? "" : SINCE) + (task.until() == null ? "" : UNTIL) + ORDER,
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.closeOnCompletion();
        statement.setFetchSize(FETCH_SIZE);
        statement.setString(1, task.resourceType());
        statement.setArray(2, connection.createArrayOf("varchar", task.patientIds().toArray()));
        statement.setTimestamp(3, Timestamp.from(task.transactionTime()));
        int next = 4;
        if (task.since() != null) {
            statement.setTimestamp(next++, Timestamp.from(task.since()));
        }
        if (task.until() != null) {
            statement.setTimestamp(next, Timestamp.from(task.until()));
        }
        return statement.executeQuery();
    }
}

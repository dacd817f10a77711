package org.openpayer.bulkexport.export.worker;

import org.openpayer.bulkexport.model.event.ExportTaskPlanned;
import org.openpayer.bulkexport.model.fhir.ResourceType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * The export hot path's query over attribution-service's resource table: one type, a batch of patient compartments
 * (or, for a directory type at system level, every row of the type), changes up to the job's transaction time (after
 * {@code _since}, before {@code _until}), current versions only. The ordering makes a task's output the same on every
 * run, so a redelivered task rewrites an identical file.
 */
final class ResourceQuery {

    /** Rows the driver fetches per round trip: the only rows in memory at once. */
    static final int FETCH_SIZE = 500;

    private static final String SELECT = """
            select content from attribution.resource
            where resource_type = ? and patient_id = any(?) and not deleted and last_updated <= ?""";
    /** System level: a directory type (Organization, Practitioner, ...), every row, no patient batch. */
    private static final String SELECT_DIRECTORY = """
            select content from attribution.resource
            where resource_type = ? and patient_id is null and not deleted and last_updated <= ?""";
    private static final String ORDER_DIRECTORY = " order by id";
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
        boolean directory = ResourceType.byName(task.resourceType()).map(type -> !type.inPatientCompartment())
                .orElse(false);
        String filters = (task.since() == null ? "" : SINCE) + (task.until() == null ? "" : UNTIL);
        PreparedStatement statement = connection.prepareStatement(
                directory ? SELECT_DIRECTORY + filters + ORDER_DIRECTORY : SELECT + filters + ORDER,
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.closeOnCompletion();
        statement.setFetchSize(FETCH_SIZE);
        int next = 1;
        statement.setString(next++, task.resourceType());
        if (!directory) {
            statement.setArray(next++, connection.createArrayOf("varchar", task.patientIds().toArray()));
        }
        statement.setTimestamp(next++, Timestamp.from(task.transactionTime()));
        if (task.since() != null) {
            statement.setTimestamp(next++, Timestamp.from(task.since()));
        }
        if (task.until() != null) {
            statement.setTimestamp(next, Timestamp.from(task.until()));
        }
        return statement.executeQuery();
    }
}

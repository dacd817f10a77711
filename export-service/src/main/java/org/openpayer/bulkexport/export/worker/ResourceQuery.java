package org.openpayer.bulkexport.export.worker;

import org.openpayer.bulkexport.model.event.ExportTaskPlanned;
import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.search.CriterionParser;
import org.openpayer.bulkexport.search.FilterQuery;
import org.openpayer.bulkexport.search.SqlCondition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/**
 * The export hot path's query over attribution-service's resource table: one type, a batch of patient compartments
 * (or, for a directory type at system level, every row of the type), changes up to the job's transaction time (after
 * {@code _since}, before {@code _until}), current versions only, narrowed by the type's {@code _typeFilter}
 * queries (answered from attribution-service's search index, in SQL, so no row is parsed to be filtered). The
 * ordering makes a task's output the same on every run, so a redelivered task rewrites an identical file.
 */
final class ResourceQuery {

    /** Rows the driver fetches per round trip: the only rows in memory at once. */
    static final int FETCH_SIZE = 500;

    private static final String SELECT = """
            select r.content from attribution.resource r
            where r.resource_type = ? and r.patient_id = any(?) and not r.deleted and r.last_updated <= ?""";
    /** System level: a directory type (Organization, Practitioner, ...), every row, no patient batch. */
    private static final String SELECT_DIRECTORY = """
            select r.content from attribution.resource r
            where r.resource_type = ? and r.patient_id is null and not r.deleted and r.last_updated <= ?""";
    private static final String ORDER_DIRECTORY = " order by r.id";
    private static final String SINCE = " and r.last_updated > ?";
    private static final String UNTIL = " and r.last_updated < ?";
    private static final String ORDER = " order by r.patient_id, r.id";

    private ResourceQuery() {
    }

    /**
     * Opens the streaming result. The connection must not auto-commit: PostgreSQL streams with a fetch size only
     * inside a transaction; otherwise it would load every row at once.
     */
    static ResultSet open(Connection connection, ExportTaskPlanned task, CriterionParser filterParser)
            throws SQLException {
        ResourceType type = ResourceType.byName(task.resourceType()).orElseThrow(() ->
                new IllegalArgumentException("not an exportable type: " + task.resourceType()));
        boolean directory = !type.inPatientCompartment();
        Optional<SqlCondition> typeFilter = typeFilter(type, task.typeFilters(), filterParser);
        String filters = (task.since() == null ? "" : SINCE) + (task.until() == null ? "" : UNTIL)
                + typeFilter.map(condition -> " and " + condition.sql()).orElse("");
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
            statement.setTimestamp(next++, Timestamp.from(task.until()));
        }
        if (typeFilter.isPresent()) {
            typeFilter.get().bind(connection, statement, next);
        }
        return statement.executeQuery();
    }

    /** {@code _typeFilter}: any of the type's queries matches, over the same search index the FHIR API uses. */
    private static Optional<SqlCondition> typeFilter(ResourceType type, List<String> queries,
                                                     CriterionParser filterParser) {
        if (queries == null || queries.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(FilterQuery.anyOf(queries.stream()
                .map(query -> FilterQuery.parse(filterParser, type, query)).toList()));
    }
}

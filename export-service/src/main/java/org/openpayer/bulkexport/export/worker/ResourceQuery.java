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
 * (or, for a directory type, every row of the type at system level and at Group level those the Group's members are
 * attributed to), changes up to the job's transaction time (after
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
    /**
     * Group level: only the directory resources the Group's current members (or the named ones) are attributed to,
     * and the practitioners, organizations and locations of the PractitionerRoles among them. Attributed providers are
     * the second half of each member's key ({@code patient|Type/id}); opted-out members attribute nothing.
     */
    private static final String REFERENCED_BY_GROUP = " and (r.resource_type || '/' || r.id) in (" + """
              with attributed as (
                select distinct split_part(m.member_key, '|', 2) as reference from attribution.group_member m
                where m.group_id = ? and not m.inactive and (cardinality(?) = 0 or m.patient_id = any(?))
                  and not exists (select 1 from attribution.member_opt_out o where o.patient_id = m.patient_id)),
              roles as (
                select p.content::jsonb as role from attribution.resource p
                where p.resource_type = 'PractitionerRole' and not p.deleted
                  and 'PractitionerRole/' || p.id in (select reference from attributed))
              select reference from attributed
              union select role -> 'practitioner' ->> 'reference' from roles
              union select role -> 'organization' ->> 'reference' from roles
              union select l ->> 'reference' from roles,
                jsonb_array_elements(coalesce(role -> 'location', '[]'::jsonb)) l)""";
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
        boolean referenced = directory && task.groupId() != null;
        // Referenced resources are included whatever their date (Bulk Data allows it): a provider newly attributed
        // must reach a delta export even when its own record has not changed since.
        boolean since = task.since() != null && !referenced;
        Optional<SqlCondition> typeFilter = typeFilter(type, task.typeFilters(), filterParser);
        String filters = (referenced ? REFERENCED_BY_GROUP : "") + (since ? SINCE : "")
                + (task.until() == null ? "" : UNTIL) + typeFilter.map(condition -> " and " + condition.sql())
                .orElse("");
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
        if (referenced) {
            statement.setString(next++, task.groupId());
            statement.setArray(next++, connection.createArrayOf("varchar", task.patientIds().toArray()));
            statement.setArray(next++, connection.createArrayOf("varchar", task.patientIds().toArray()));
        }
        if (since) {
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

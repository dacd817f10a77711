package org.openpayer.bulkexport.export.worker;

import org.openpayer.bulkexport.export.roster.OptOutSql;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The export hot path's queries over attribution-service's resource table, one type per task:
 * <ul>
 *   <li>which rows: a batch of patient compartments; for a directory type every row at system level, and at Group
 *   level those the Group's members are attributed to;</li>
 *   <li>which changes: up to the job's transaction time, after {@code _since} and before {@code _until}; at Group
 *   level, members who joined the Group after {@code _since} get everything (their whole record is new to the
 *   client), and referenced directory resources are included whatever their date;</li>
 *   <li>narrowed by the type's {@code _typeFilter} queries, answered from the search index in SQL, so no row is parsed
 *   to be filtered;</li>
 *   <li>in a payer-to-payer export, narrowed by the members' Consents ({@link ConsentScope}).</li>
 * </ul>
 * Current versions go to {@code output}; with {@code _since}, resources deleted since go to {@code deleted}, never to
 * both. The ordering makes a task's output the same on every run, so a redelivered task rewrites identical files.
 */
final class ResourceQuery {

    /** Rows the driver fetches per round trip: the only rows in memory at once. */
    static final int FETCH_SIZE = 500;

    /**
     * Group level: only the directory resources the Group's current members (or the named ones) are attributed to,
     * and the practitioners, organizations and locations of the PractitionerRoles among them. Attributed providers are
     * the second half of each member's key ({@code patient|Type/id}); opted-out members attribute nothing.
     */
    private static final String REFERENCED_BY_GROUP = "(r.resource_type || '/' || r.id) in (" + """
              with attributed as (
                select distinct split_part(m.member_key, '|', 2) as reference from attribution.group_member m
                where m.group_id = ? and not m.inactive and (cardinality(?) = 0 or m.patient_id = any(?))
                  and %s),
              roles as (
                select p.content::jsonb as role from attribution.resource p
                where p.resource_type = 'PractitionerRole' and not p.deleted
                  and 'PractitionerRole/' || p.id in (select reference from attributed))
              select reference from attributed
              union select role -> 'practitioner' ->> 'reference' from roles
              union select role -> 'organization' ->> 'reference' from roles
              union select l ->> 'reference' from roles,
                jsonb_array_elements(coalesce(role -> 'location', '[]'::jsonb)) l)""".formatted(
            OptOutSql.notOptedOut("m.patient_id"));
    /** Of a batch, the members whose first row in the Group came with a version written after {@code _since}. */
    private static final String JOINED_AFTER = """
            select h.patient_id from attribution.group_member_history h
            join attribution.resource_history g
              on g.resource_type = 'Group' and g.id = h.group_id and g.version_id = h.version_from
            where h.group_id = ? and h.patient_id = any(?)
            group by h.patient_id having min(g.last_updated) > ?""";

    private ResourceQuery() {
    }

    /**
     * Opens the streaming result of the task's current resources, their JSON in the first column. The connection must
     * not auto-commit: PostgreSQL streams with a fetch size only inside a transaction.
     */
    static ResultSet open(Connection connection, ExportTaskPlanned task, CriterionParser filterParser,
                          Optional<ConsentScope> consent) throws SQLException {
        ResourceType type = type(task);
        Where where = rows(task, type, false, consent);
        boolean referenced = !type.inPatientCompartment() && task.groupId() != null;
        if (task.since() != null && !referenced) {
            List<String> joinedAfter = joinedAfterSince(connection, task, type);
            if (joinedAfter.isEmpty()) {
                where.and("r.last_updated > ?", Timestamp.from(task.since()));
            } else {
                where.and("(r.last_updated > ? or r.patient_id = any(?))", Timestamp.from(task.since()),
                        joinedAfter.toArray(String[]::new));
            }
        }
        if (task.typeFilters() != null && !task.typeFilters().isEmpty()) {
            SqlCondition filter = FilterQuery.anyOf(task.typeFilters().stream()
                    .map(query -> FilterQuery.parse(filterParser, type, query)).toList());
            where.and(filter.sql(), filter.values().toArray());
        }
        if (consent.isPresent()) {
            for (SqlCondition condition : consent.get().conditions(type)) {
                where.and(condition.sql(), condition.values().toArray());
            }
        }
        return where.query(connection, "select r.content from attribution.resource r", order(type));
    }

    /**
     * With {@code _since}: the resources of the task deleted after it (up to the transaction time), as {@code Type/id}
     * in the first column. Deleted rows keep their compartment, so the same batch finds them; a payer-to-payer export
     * lists only those of members whose Consent is in force.
     */
    static ResultSet openDeleted(Connection connection, ExportTaskPlanned task, Optional<ConsentScope> consent)
            throws SQLException {
        ResourceType type = type(task);
        Where where = rows(task, type, true, consent);
        where.and("r.last_updated > ?", Timestamp.from(task.since()));
        return where.query(connection, "select r.resource_type || '/' || r.id from attribution.resource r",
                order(type));
    }

    private static Where rows(ExportTaskPlanned task, ResourceType type, boolean deleted,
                              Optional<ConsentScope> consent) {
        Where where = new Where();
        where.and("r.resource_type = ?", type.name());
        if (type.inPatientCompartment()) {
            List<String> patients = consent.map(ConsentScope::patients).orElse(task.patientIds());
            where.and("r.patient_id = any(?)", (Object) patients.toArray(String[]::new));
        } else {
            where.and("r.patient_id is null");
            if (task.groupId() != null) {
                String[] named = task.patientIds().toArray(String[]::new);
                where.and(REFERENCED_BY_GROUP, task.groupId(), named, named);
            }
        }
        where.and(deleted ? "r.deleted" : "not r.deleted");
        where.and("r.last_updated <= ?", Timestamp.from(task.transactionTime()));
        if (task.until() != null) {
            where.and("r.last_updated < ?", Timestamp.from(task.until()));
        }
        return where;
    }

    /** At Group level with {@code _since}: the batch's members who joined the Group after it. */
    private static List<String> joinedAfterSince(Connection connection, ExportTaskPlanned task, ResourceType type)
            throws SQLException {
        if (task.groupId() == null || !type.inPatientCompartment()) {
            return List.of();
        }
        List<String> joined = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(JOINED_AFTER)) {
            statement.setString(1, task.groupId());
            statement.setArray(2, connection.createArrayOf("varchar", task.patientIds().toArray()));
            statement.setTimestamp(3, Timestamp.from(task.since()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    joined.add(rows.getString(1));
                }
            }
        }
        return joined;
    }

    private static String order(ResourceType type) {
        return type.inPatientCompartment() ? " order by r.patient_id, r.id" : " order by r.id";
    }

    private static ResourceType type(ExportTaskPlanned task) {
        return ResourceType.byName(task.resourceType()).orElseThrow(() ->
                new IllegalArgumentException("not an exportable type: " + task.resourceType()));
    }

    /** Conditions ANDed, with their values in placeholder order. */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        void and(String condition, Object... conditionValues) {
            conditions.add(condition);
            values.addAll(List.of(conditionValues));
        }

        ResultSet query(Connection connection, String select, String order) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(
                    select + " where " + String.join(" and ", conditions) + order,
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.closeOnCompletion();
            statement.setFetchSize(FETCH_SIZE);
            new SqlCondition("", values).bind(connection, statement, 1);
            return statement.executeQuery();
        }
    }
}

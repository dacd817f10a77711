package org.openpayer.bulkexport.export;

import org.openpayer.bulkexport.stack.infra.InfraEndpoints;
import org.openpayer.bulkexport.stack.testing.RealServersResource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Export jobs written straight into export-service's tables, in states a test cannot reach quickly over HTTP: a job
 * running for hours, a task no worker reported, a job finished days ago. The service under test then finds them as
 * it would find its own.
 */
public final class ExportJobFixture {

    private ExportJobFixture() {
    }

    /** A Group export of Patient, in the given state, created and last changed at the given instants. */
    public static UUID job(String clientId, String status, Instant createdAt, Instant completedAt, Integer taskCount) {
        return job(UUID.randomUUID(), clientId, status, createdAt, completedAt, taskCount);
    }

    /** {@link #job(String, String, Instant, Instant, Integer)} with an id chosen before, e.g. to store its files. */
    public static UUID job(UUID id, String clientId, String status, Instant createdAt, Instant completedAt,
                           Integer taskCount) {
        update("""
                insert into export.export_job (id, client_id, status, level, group_id, resource_types,
                  transaction_time, request_url, created_at, updated_at, completed_at, task_count, tasks_done,
                  type_filters)
                values (?, ?, ?, 'GROUP', ?, 'Patient', ?, 'https://payer.example.test/fhir/Group/x/$export', ?, ?, ?,
                  ?, 0, '{}')""", id, clientId, status, MemberDataFixture.GROUP, Timestamp.from(Instant.now()),
                Timestamp.from(createdAt), Timestamp.from(createdAt),
                completedAt == null ? null : Timestamp.from(completedAt), taskCount);
        return id;
    }

    /**
     * A Group export of Patient in planning, as a planner left it when its instance was lost at {@code lastSeen}: its
     * first batch of one patient stored, and that batch's task released but perhaps never published.
     */
    public static UUID jobLeftByALostPlanner(String clientId, String groupId, String firstPatient, Instant lastSeen) {
        UUID id = UUID.randomUUID();
        update("""
                insert into export.export_job (id, client_id, status, level, group_id, resource_types,
                  transaction_time, request_url, created_at, updated_at, task_count, tasks_done, type_filters,
                  planner_id, planner_seen_at)
                values (?, ?, 'IN_PROGRESS', 'GROUP', ?, 'Patient', ?,
                  'https://payer.example.test/fhir/Group/x/$export', ?, ?, null, 0, '{}', 'lost-planner', ?)""",
                id, clientId, groupId, Timestamp.from(Instant.now()), Timestamp.from(lastSeen),
                Timestamp.from(lastSeen), Timestamp.from(lastSeen));
        plannedTask(id, 1, List.of(firstPatient), lastSeen, 0);
        return id;
    }

    /** A planned Patient task of the job over one batch of patients, last published at {@code publishedAt}. */
    public static void plannedTask(UUID jobId, int seq, List<String> patients, Instant publishedAt, int attempts) {
        update("insert into export.export_batch (job_id, batch_seq, patient_ids) values (?, ?, ?)", jobId, seq,
                patients.toArray(String[]::new));
        update("""
                insert into export.export_task (job_id, seq, resource_type, patient_count, status, updated_at,
                  batch_seq, attempts)
                values (?, ?, 'Patient', ?, 'PLANNED', ?, ?, ?)""", jobId, seq, patients.size(),
                Timestamp.from(publishedAt), seq, attempts);
    }

    /** What the database says of a job's status now. */
    public static String status(UUID jobId) {
        return single("select status from export.export_job where id = ?", jobId);
    }

    /** How many of the job's tasks have the status now. */
    public static int tasks(UUID jobId, String status) {
        return Integer.parseInt(single("select count(*)::text from export.export_task where job_id = ? and status = ?",
                jobId, status));
    }

    /** How many of the job's tasks were reported completed at or before the instant. */
    public static int tasksCompletedBy(UUID jobId, Instant instant) {
        return Integer.parseInt(single("select count(*)::text from export.export_task where job_id = ?"
                + " and status = 'COMPLETED' and updated_at <= ?", jobId, Timestamp.from(instant)));
    }

    /** When the job completed, or null while it has not. */
    public static Instant completedAt(UUID jobId) {
        String epochMillis = single("select (extract(epoch from completed_at) * 1000)::bigint::text"
                + " from export.export_job where id = ?", jobId);
        return epochMillis == null ? null : Instant.ofEpochMilli(Long.parseLong(epochMillis));
    }

    public static int attempts(UUID jobId, int seq) {
        return Integer.parseInt(single("select attempts::text from export.export_task where job_id = ? and seq = ?",
                jobId, seq));
    }

    private static String single(String sql, Object... values) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, values);
             var result = statement.executeQuery()) {
            return result.next() ? result.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(String sql, Object... values) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, values)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... values)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof String[] array) {
                statement.setArray(i + 1, connection.createArrayOf("text", array));
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
        return statement;
    }

    private static Connection connect() throws SQLException {
        InfraEndpoints endpoints = RealServersResource.infrastructure().endpoints();
        return DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUsername(), endpoints.dbPassword());
    }
}

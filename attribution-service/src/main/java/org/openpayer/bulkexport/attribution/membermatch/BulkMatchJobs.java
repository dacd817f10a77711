package org.openpayer.bulkexport.attribution.membermatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Storage of {@code $bulk-member-match} jobs ({@code bulk_match_job}) and the members each was sent
 * ({@code bulk_match_member}), as the API sees them: created at kick-off, read and deleted at the status URL, in the
 * caller's transaction. {@link BulkMatchQueue} is the workers' side.
 */
@ApplicationScoped
public class BulkMatchJobs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSERT_JOB = """
            insert into attribution.bulk_match_job (id, client_id, requester, status, matched_group_id, member_count,
              created_at, updated_at)
            values (?, ?, ?::jsonb, ?, ?, ?, clock_timestamp(), clock_timestamp())""";
    private static final String INSERT_MEMBER = """
            insert into attribution.bulk_match_member (job_id, seq, input) values (?, ?, ?)""";
    private static final String STATE = """
            select j.status, j.member_count, j.paused_until, j.result, j.failure_reason,
              (select count(*) from attribution.bulk_match_member m where m.job_id = j.id and m.outcome is not null)
            from attribution.bulk_match_job j where j.id = ? and j.client_id = ?""";

    /** A job as its status shows it; {@code membersDone} counts members with an outcome. */
    record JobState(BulkMatchStatus status, int memberCount, int membersDone, Instant pausedUntil, String result,
                    String failureReason) {
    }

    /** Stores a new job in progress with its members, in request order; returns its id. */
    UUID create(Connection connection, String clientId, Set<String> requester, List<String> memberInputs)
            throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement job = connection.prepareStatement(INSERT_JOB)) {
            job.setObject(1, id);
            job.setString(2, clientId);
            job.setString(3, JSON.valueToTree(requester.stream().sorted().toList()).toString());
            job.setString(4, BulkMatchStatus.IN_PROGRESS.name());
            job.setString(5, UUID.randomUUID().toString());
            job.setInt(6, memberInputs.size());
            job.executeUpdate();
        }
        try (PreparedStatement member = connection.prepareStatement(INSERT_MEMBER)) {
            for (int i = 0; i < memberInputs.size(); i++) {
                member.setObject(1, id);
                member.setInt(2, i + 1);
                member.setString(3, memberInputs.get(i));
                member.addBatch();
            }
            member.executeBatch();
        }
        return id;
    }

    /** The client's job, or empty for an unknown job or another client's. */
    Optional<JobState> state(Connection connection, UUID jobId, String clientId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(STATE)) {
            statement.setObject(1, jobId);
            statement.setString(2, clientId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Timestamp pausedUntil = row.getTimestamp(3);
                return Optional.of(new JobState(BulkMatchStatus.valueOf(row.getString(1)), row.getInt(2),
                        row.getInt(6), pausedUntil == null ? null : pausedUntil.toInstant(), row.getString(4),
                        row.getString(5)));
            }
        }
    }

    /** Deletes the client's job (its members go with it); false when there was none. */
    boolean delete(Connection connection, UUID jobId, String clientId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from attribution.bulk_match_job where id = ? and client_id = ?")) {
            delete.setObject(1, jobId);
            delete.setString(2, clientId);
            return delete.executeUpdate() == 1;
        }
    }
}

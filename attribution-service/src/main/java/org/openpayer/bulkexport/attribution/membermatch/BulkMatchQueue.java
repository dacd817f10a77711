package org.openpayer.bulkexport.attribution.membermatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.model.fhir.hrex.MultiMemberMatchResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The workers' side of {@code $bulk-member-match} jobs, in the caller's transaction. Members waiting to be matched are
 * claimed with {@code for update skip locked}, so instances share a job's members and none is matched twice; a job is
 * completed under its row lock once no member waits, so exactly one instance completes it; finished jobs are purged
 * after their retention.
 */
@ApplicationScoped
public class BulkMatchQueue {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLAIM_WAITING = """
            select m.job_id, m.seq, m.input, j.client_id, j.requester::text, j.matched_group_id
            from attribution.bulk_match_member m join attribution.bulk_match_job j on j.id = m.job_id
            where m.outcome is null and j.status = 'IN_PROGRESS'
              and (j.paused_until is null or j.paused_until <= clock_timestamp())
            order by j.created_at, m.job_id, m.seq limit 1
            for update of m skip locked""";
    private static final String RECORD_OUTCOME = """
            update attribution.bulk_match_member set outcome = ?, patient_id = ?, member_identifier = ?
            where job_id = ? and seq = ?""";
    private static final String PAUSE = """
            update attribution.bulk_match_job
            set paused_until = clock_timestamp() + ? * interval '1 millisecond', updated_at = clock_timestamp()
            where id = ?""";
    private static final String LOCK_COMPLETABLE = """
            select j.id, j.client_id, j.requester::text, j.matched_group_id from attribution.bulk_match_job j
            where j.status = 'IN_PROGRESS' and not exists (
              select 1 from attribution.bulk_match_member m where m.job_id = j.id and m.outcome is null)
            order by j.created_at limit 1
            for update of j skip locked""";
    private static final String MEMBERS = """
            select seq, input, outcome, patient_id, member_identifier from attribution.bulk_match_member
            where job_id = ? order by seq""";
    private static final String FINISH = """
            update attribution.bulk_match_job set status = ?, result = ?, failure_reason = ?,
              completed_at = clock_timestamp(), updated_at = clock_timestamp()
            where id = ? and status = ?""";
    private static final String PURGE = """
            delete from attribution.bulk_match_job
            where status <> 'IN_PROGRESS' and completed_at < clock_timestamp() - ? * interval '1 millisecond'""";

    /**
     * A member claimed for matching, with what its job tells about the request.
     *
     * @param requester    the requesting payer's identifiers, {@code system|value}
     * @param matchGroupId the Group of matched members the job fills
     */
    record WaitingMember(UUID jobId, int seq, String input, String clientId, Set<String> requester,
                         String matchGroupId) {
    }

    /** What matching decided for a member; the patient and UMB only for a member that matched. */
    record MemberOutcome(MultiMemberMatchResult result, String patientId, String memberIdentifier) {
    }

    /** A member of a job whose members all have their outcome. */
    record DecidedMember(int seq, String input, MemberOutcome outcome) {
    }

    /** A job ready to complete, locked by this transaction. */
    record CompletableJob(UUID id, String clientId, Set<String> requester, String matchGroupId) {
    }

    /** The oldest job's next waiting member, locked until the transaction ends; skips paused jobs. */
    Optional<WaitingMember> claimWaiting(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CLAIM_WAITING);
             ResultSet row = statement.executeQuery()) {
            return row.next()
                    ? Optional.of(new WaitingMember((UUID) row.getObject(1), row.getInt(2), row.getString(3),
                    row.getString(4), identifiers(row.getString(5)), row.getString(6)))
                    : Optional.empty();
        }
    }

    void recordOutcome(Connection connection, WaitingMember member, MemberOutcome outcome) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(RECORD_OUTCOME)) {
            update.setString(1, outcome.result().code());
            update.setString(2, outcome.patientId());
            update.setString(3, outcome.memberIdentifier());
            update.setObject(4, member.jobId());
            update.setInt(5, member.seq());
            update.executeUpdate();
        }
    }

    /** Holds the job's members back for {@code wait} (the client's failed-match limit). */
    void pause(Connection connection, UUID jobId, Duration wait) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(PAUSE)) {
            update.setLong(1, wait.toMillis());
            update.setObject(2, jobId);
            update.executeUpdate();
        }
    }

    /** The oldest job in progress with no member waiting, locked until the transaction ends. */
    Optional<CompletableJob> lockCompletable(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK_COMPLETABLE);
             ResultSet row = statement.executeQuery()) {
            return row.next()
                    ? Optional.of(new CompletableJob((UUID) row.getObject(1), row.getString(2),
                    identifiers(row.getString(3)), row.getString(4)))
                    : Optional.empty();
        }
    }

    /** Every member of a job and what was decided for it, in request order. */
    List<DecidedMember> members(Connection connection, UUID jobId) throws SQLException {
        List<DecidedMember> members = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(MEMBERS)) {
            statement.setObject(1, jobId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    members.add(new DecidedMember(row.getInt(1), row.getString(2), new MemberOutcome(
                            result(row.getString(3)), row.getString(4), row.getString(5))));
                }
            }
        }
        return members;
    }

    void complete(Connection connection, UUID jobId, String result) throws SQLException {
        finish(connection, jobId, BulkMatchStatus.COMPLETED, result, null);
    }

    void fail(Connection connection, UUID jobId, String reason) throws SQLException {
        finish(connection, jobId, BulkMatchStatus.FAILED, null, reason);
    }

    /** Deletes jobs finished longer ago than {@code retention}, with the members they were sent. */
    int purge(Connection connection, Duration retention) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(PURGE)) {
            delete.setLong(1, retention.toMillis());
            return delete.executeUpdate();
        }
    }

    private static void finish(Connection connection, UUID jobId, BulkMatchStatus target, String result,
                               String reason) throws SQLException {
        if (!BulkMatchStatus.IN_PROGRESS.canMoveTo(target)) {
            throw new IllegalStateException("a bulk match job cannot move to " + target);
        }
        try (PreparedStatement update = connection.prepareStatement(FINISH)) {
            update.setString(1, target.name());
            update.setString(2, result);
            update.setString(3, reason);
            update.setObject(4, jobId);
            update.setString(5, BulkMatchStatus.IN_PROGRESS.name());
            update.executeUpdate();
        }
    }

    private static MultiMemberMatchResult result(String code) {
        for (MultiMemberMatchResult result : MultiMemberMatchResult.values()) {
            if (result.code().equals(code)) {
                return result;
            }
        }
        throw new IllegalStateException("a decided member has no outcome: " + code);
    }

    private static Set<String> identifiers(String json) {
        try {
            return Set.copyOf(JSON.readValue(json, new TypeReference<List<String>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a job's requester is unreadable", e);
        }
    }
}

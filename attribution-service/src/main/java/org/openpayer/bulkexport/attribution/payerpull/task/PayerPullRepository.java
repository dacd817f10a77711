package org.openpayer.bulkexport.attribution.payerpull.task;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.attribution.payerpull.PullOutcome;
import org.openpayer.bulkexport.attribution.payerpull.PullRequest;
import org.openpayer.bulkexport.attribution.payerpull.PullStep;
import org.openpayer.bulkexport.attribution.write.JdbcTransaction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The pulls (table {@code payer_pull}), the one owner of their state. Instances claim runnable pulls with
 * {@code for update skip locked}, so two never take the same one; a claim is a lease renewed by heartbeats, and
 * every later write checks the lease, so an instance that lost a pull cannot change it. Status moves only as
 * {@link PullStatus} allows.
 */
@ApplicationScoped
public class PayerPullRepository {

    private static final String COLUMNS = PayerPullRows.COLUMNS;
    private static final String HELD = " where id = ? and claimed_by = ? and status = 'in-progress'";
    private static final String INSERT = """
            insert into attribution.payer_pull as p (id, client_id, patient_id, remote_payer_id, request, status,
              created_at, updated_at)
            values (?, ?, ?, ?, ?::jsonb, 'requested', clock_timestamp(), clock_timestamp())
            returning\s""" + COLUMNS;
    /** The oldest pull nobody runs: new ones, and running ones whose instance stopped renewing its lease. */
    private static final String CLAIM = """
            with next as (
              select id from attribution.payer_pull
              where status = 'requested'
                 or (status = 'in-progress' and (lease_until is null or lease_until < clock_timestamp()))
              order by created_at
              for update skip locked
              limit 1)
            update attribution.payer_pull p set status = 'in-progress', claimed_by = ?,
              lease_until = clock_timestamp() + make_interval(secs => ?), attempts = p.attempts + 1,
              started_at = coalesce(p.started_at, clock_timestamp()), updated_at = clock_timestamp()
            from next where p.id = next.id
            returning\s""" + COLUMNS;

    private final JdbcTransaction transaction;

    public PayerPullRepository(JdbcTransaction transaction) {
        this.transaction = transaction;
    }

    /** Stores a new pull ({@code requested}); from its commit on, some instance will run it. */
    PayerPull insert(String clientId, String patientId, UUID remotePayerId, PullRequest request)
            throws SQLException {
        return transaction.run(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                statement.setObject(1, UUID.randomUUID());
                statement.setString(2, clientId);
                statement.setString(3, patientId);
                statement.setObject(4, remotePayerId);
                statement.setString(5, PayerPullRows.json(request));
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return PayerPullRows.read(row);
                }
            }
        });
    }

    public Optional<PayerPull> find(UUID id) throws SQLException {
        return transaction.run(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select " + COLUMNS + " from attribution.payer_pull p where p.id = ?")) {
                statement.setObject(1, id);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(PayerPullRows.read(row)) : Optional.empty();
                }
            }
        });
    }

    /** Takes the oldest runnable pull for {@code instance}, leased for {@code lease}. */
    public Optional<PayerPull> claim(String instance, Duration lease) throws SQLException {
        return transaction.run(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(CLAIM)) {
                statement.setString(1, instance);
                statement.setDouble(2, lease.toMillis() / 1000.0);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(PayerPullRows.read(row)) : Optional.empty();
                }
            }
        });
    }

    /** Records where the pull is and renews its lease; throws {@link LeaseLost} if it is not held any more. */
    public void heartbeat(PullLease lease, Duration leaseTime, PullStep step, String progress) throws SQLException {
        update(lease, "update attribution.payer_pull set step = ?, progress = ?, "
                + "lease_until = clock_timestamp() + make_interval(secs => ?), updated_at = clock_timestamp()" + HELD,
                step.code(), progress, leaseTime.toMillis() / 1000.0);
    }

    /** Records the member's id at the old payer, so a resumed pull does not match again. */
    public void recordRemoteMember(PullLease lease, String remotePatientId, String memberIdentifier)
            throws SQLException {
        update(lease, "update attribution.payer_pull set remote_patient_id = ?, remote_member_identifier = ?, "
                + "updated_at = clock_timestamp()" + HELD, remotePatientId, memberIdentifier);
    }

    /** Records the export's status URL ({@code null}: none), so a resumed pull polls it instead of kicking off. */
    public void recordExport(PullLease lease, String statusUrl) throws SQLException {
        update(lease, "update attribution.payer_pull set export_status_url = ?, updated_at = clock_timestamp()"
                + HELD, statusUrl);
    }

    /**
     * Locks the pull's row in the import's transaction, so no other instance can claim it while the import runs;
     * throws {@link LeaseLost} when this instance no longer holds it.
     */
    public void lock(Connection connection, PullLease lease) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select 1 from attribution.payer_pull" + HELD + " for update")) {
            statement.setObject(1, lease.pullId());
            statement.setString(2, lease.instance());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new LeaseLost(lease);
                }
            }
        }
    }

    /** Completes the pull in the import's transaction, so it is completed exactly when its data is stored. */
    public void complete(Connection connection, PullLease lease, PullOutcome outcome) throws SQLException {
        execute(connection, lease, "update attribution.payer_pull set status = 'completed', step = null, "
                + "progress = null, outcome = ?::jsonb, claimed_by = null, lease_until = null, "
                + "finished_at = clock_timestamp(), updated_at = clock_timestamp() where id = ? and claimed_by = ? "
                + "and " + PullStatus.COMPLETED.sqlFrom(), PayerPullRows.json(outcome));
    }

    /** Ends the pull as failed, with the step and reason; whatever it staged goes. */
    public void fail(PullLease lease, PullStep step, String reason) throws SQLException {
        transaction.run(connection -> {
            execute(connection, lease, "update attribution.payer_pull set status = 'failed', step = ?, "
                    + "progress = null, status_reason = ?, claimed_by = null, lease_until = null, "
                    + "finished_at = clock_timestamp(), updated_at = clock_timestamp() where id = ? "
                    + "and claimed_by = ? and " + PullStatus.FAILED.sqlFrom(), step.code(), reason);
            try (PreparedStatement staged = connection.prepareStatement(
                    "delete from attribution.payer_pull_staged where pull_id = ?")) {
                staged.setObject(1, lease.pullId());
                staged.executeUpdate();
            }
            return null;
        });
    }

    /** Gives the pull back (shutdown): it stays in progress, and the next instance to look resumes it at once. */
    public void release(PullLease lease) throws SQLException {
        update(lease, "update attribution.payer_pull set claimed_by = null, lease_until = null, "
                + "updated_at = clock_timestamp()" + HELD);
    }

    private void update(PullLease lease, String sql, Object... values) throws SQLException {
        transaction.run(connection -> {
            execute(connection, lease, sql, values);
            return null;
        });
    }

    /** Runs an update whose last two parameters are the lease; nothing updated means the lease is lost. */
    private static void execute(Connection connection, PullLease lease, String sql, Object... values)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.setObject(values.length + 1, lease.pullId());
            statement.setString(values.length + 2, lease.instance());
            if (statement.executeUpdate() == 0) {
                throw new LeaseLost(lease);
            }
        }
    }
}

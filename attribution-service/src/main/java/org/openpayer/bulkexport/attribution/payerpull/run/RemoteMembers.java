package org.openpayer.bulkexport.attribution.payerpull.run;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.attribution.payerpull.remote.RemoteMember;
import org.openpayer.bulkexport.attribution.write.JdbcTransaction;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Who our members are at other payers (table {@code remote_member}), as $member-match there answered: a later pull of
 * the same member from the same payer skips the match. A new match replaces what an older one found.
 */
@ApplicationScoped
public class RemoteMembers {

    private final JdbcTransaction transaction;

    public RemoteMembers(JdbcTransaction transaction) {
        this.transaction = transaction;
    }

    Optional<RemoteMember> find(UUID payerId, String patientId) throws SQLException {
        return transaction.run(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select remote_patient_id, "
                    + "remote_member_identifier from attribution.remote_member where remote_payer_id = ? "
                    + "and patient_id = ?")) {
                statement.setObject(1, payerId);
                statement.setString(2, patientId);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(new RemoteMember(row.getString(1), row.getString(2)))
                            : Optional.empty();
                }
            }
        });
    }

    void remember(UUID payerId, String patientId, RemoteMember member) throws SQLException {
        transaction.run(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    insert into attribution.remote_member (remote_payer_id, patient_id, remote_patient_id,
                      remote_member_identifier, matched_at)
                    values (?, ?, ?, ?, clock_timestamp())
                    on conflict (remote_payer_id, patient_id) do update set
                      remote_patient_id = excluded.remote_patient_id,
                      remote_member_identifier = excluded.remote_member_identifier,
                      matched_at = excluded.matched_at""")) {
                statement.setObject(1, payerId);
                statement.setString(2, patientId);
                statement.setString(3, member.patientId());
                statement.setString(4, member.memberIdentifier());
                return statement.executeUpdate();
            }
        });
    }
}

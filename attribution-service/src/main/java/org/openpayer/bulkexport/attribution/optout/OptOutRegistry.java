package org.openpayer.bulkexport.attribution.optout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps {@code member_opt_out} equal to each member's latest provider-access decision. Every write or delete of a
 * Consent recomputes its member's decision from all of that member's stored Consents, in the same transaction, so a
 * deny takes effect at its commit and a permit (or deleting the deny) restores access the same way.
 */
@ApplicationScoped
public class OptOutRegistry {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Recomputes the decision of each member whose Consents changed. */
    public void recompute(Connection connection, Set<String> patientIds) throws SQLException {
        for (String patientId : patientIds) {
            Optional<ProviderAccessConsent> latest = consentsOf(connection, patientId).stream()
                    .max(Comparator.comparing(ProviderAccessConsent::decidedAt));
            if (latest.isPresent() && latest.get().optOut()) {
                optOut(connection, patientId, latest.get());
            } else {
                optIn(connection, patientId);
            }
        }
    }

    private static List<ProviderAccessConsent> consentsOf(Connection connection, String patientId)
            throws SQLException {
        List<ProviderAccessConsent> decisions = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select content from attribution.resource "
                + "where resource_type = 'Consent' and patient_id = ? and not deleted")) {
            statement.setString(1, patientId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    ProviderAccessConsent.of(JSON.readTree(row.getString(1))).ifPresent(decisions::add);
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored Consent is unreadable", e);
            }
        }
        return decisions;
    }

    private static void optOut(Connection connection, String patientId, ProviderAccessConsent decision)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into attribution.member_opt_out (patient_id, consent_id, decided_at) values (?, ?, ?)
                on conflict (patient_id) do update set consent_id = excluded.consent_id,
                  decided_at = excluded.decided_at""")) {
            upsert.setString(1, patientId);
            upsert.setString(2, decision.consentId());
            upsert.setTimestamp(3, Timestamp.from(decision.decidedAt()));
            upsert.executeUpdate();
        }
    }

    private static void optIn(Connection connection, String patientId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from attribution.member_opt_out where patient_id = ?")) {
            delete.setString(1, patientId);
            delete.executeUpdate();
        }
    }
}

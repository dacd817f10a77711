package org.openpayer.bulkexport.attribution.membermatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Identifier;
import org.openpayer.bulkexport.attribution.load.FhirJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/**
 * Stores each successful match (table {@code member_match}): the member it found, the client that asked, the UMB
 * answered, the requester's CoverageToLink and the member's Consent as sent, and the Consent's terms in columns the
 * payer-to-payer export can filter on; a bulk match also the Group of matched members it put the member in.
 */
@ApplicationScoped
public class MemberMatchRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSERT = """
            insert into attribution.member_match (id, client_id, patient_id, matched_at, member_identifier,
              coverage_to_link, consent, consent_status, consent_policy, consent_start, consent_end,
              consent_recipient, consent_source, match_group_id)
            values (?, ?, ?, clock_timestamp(), ?, ?, ?, 'active', ?, ?, ?, ?::jsonb, ?::jsonb, ?)""";

    /**
     * One match, as the repository stores it.
     *
     * @param matchGroupId the Group of matched members a bulk match puts the member in; {@code null} for a single
     *                     {@code $member-match}
     */
    record StoredMatch(String clientId, MatchedMember member, Identifier memberIdentifier, MemberMatchInput input,
                       PayerConsent consent, String matchGroupId) {
    }

    private final FhirJson fhir;

    public MemberMatchRepository(FhirJson fhir) {
        this.fhir = fhir;
    }

    /** @return the id of the stored match */
    UUID insert(Connection connection, StoredMatch match) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setObject(1, id);
            statement.setString(2, match.clientId());
            statement.setString(3, match.member().patientId());
            statement.setString(4, match.memberIdentifier().getSystem() + "|" + match.memberIdentifier().getValue());
            statement.setString(5, fhir.compactWriter().encodeResourceToString(match.input().coverageToLink()));
            statement.setString(6, fhir.compactWriter().encodeResourceToString(match.input().consent()));
            statement.setString(7, match.consent().policy().code());
            statement.setTimestamp(8, Timestamp.from(match.consent().start()));
            statement.setTimestamp(9, Timestamp.from(match.consent().end()));
            statement.setString(10, json(match.consent().recipients()));
            statement.setString(11, json(match.consent().sources()));
            statement.setString(12, match.matchGroupId());
            statement.executeUpdate();
        }
        return id;
    }

    private static String json(List<String> identifiers) {
        try {
            return JSON.writeValueAsString(identifiers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always serializable", e);
        }
    }
}

package org.openpayer.bulkexport.attribution.roster;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.rest.FhirException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Groups of matched members that PDex's {@code $bulk-member-match} made for another payer's client
 * ({@code member_match_group}). They live in the Group tables so they are read and exported like any Group, but they
 * are not attribution lists: only the client that asked reaches them (no grant does), only the server writes them,
 * and provider access opt-outs do not apply to their members (payer-to-payer exchange follows the member's opt-in
 * Consent instead).
 */
@ApplicationScoped
public class MatchGroups {

    private static final String REGISTER = """
            insert into attribution.member_match_group (group_id, client_id, created_at)
            values (?, ?, clock_timestamp())""";
    private static final String ANY_OF = """
            select group_id from attribution.member_match_group where group_id = any(?) limit 1""";

    /** True for a Group id column naming a Group of matched members. */
    public static String isMatchGroup(String groupIdColumn) {
        return "exists (select 1 from attribution.member_match_group o where o.group_id = " + groupIdColumn + ")";
    }

    /** True for a Group id column naming a Group of matched members this client owns; one parameter, the client. */
    public static String ownedBy(String groupIdColumn) {
        return "exists (select 1 from attribution.member_match_group o where o.group_id = " + groupIdColumn
                + " and o.client_id = ?)";
    }

    /** Records the client a new Group of matched members belongs to, in the Group's transaction. */
    public void register(Connection connection, String groupId, String clientId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(REGISTER)) {
            insert.setString(1, groupId);
            insert.setString(2, clientId);
            insert.executeUpdate();
        }
    }

    /** Refuses (422) a client's write or delete of any of these Groups that is a Group of matched members. */
    public void refuseChanges(Connection connection, Collection<String> groupIds) throws SQLException {
        if (groupIds.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(ANY_OF)) {
            statement.setArray(1, connection.createArrayOf("varchar", groupIds.toArray()));
            try (ResultSet row = statement.executeQuery()) {
                if (row.next()) {
                    throw readOnly(row.getString(1));
                }
            }
        }
    }

    static FhirException readOnly(String groupId) {
        return FhirException.unprocessable(IssueType.BUSINESS_RULE, "Group/" + groupId + " holds the members a "
                + "$bulk-member-match matched; it is not an attribution list, and only the server writes it.");
    }
}

package org.openpayer.bulkexport.export.roster;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.model.security.GroupGrant;
import org.openpayer.bulkexport.search.SqlCondition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads attribution-service's Group tables, read-only (a replica in production): which Groups exist, the identifiers
 * (or, for a Group of matched members, the owner) that decide access, and members in keyset-paged batches so planning
 * never holds a whole roster in memory. The tables and columns read here are attribution-service's documented read
 * contract.
 */
@ApplicationScoped
public class MemberDataReader {

    /** Needs the member-data user to see other sessions' transactions: the same role, or pg_read_all_stats. */
    private static final String SAFE_CLOCK = """
            select least(clock_timestamp(), coalesce((select min(a.xact_start) - interval '1 millisecond'
              from pg_stat_activity a
              where a.backend_xid is not null and a.pid <> pg_backend_pid() and a.datname = current_database()),
              'infinity'))""";

    private final AgroalDataSource memberData;

    public MemberDataReader(@DataSource("memberdata") AgroalDataSource memberData) {
        this.memberData = memberData;
    }

    /**
     * A Group with the identifiers ({@code system|value}) that access grants match.
     *
     * @param matchOwner for a Group of matched members ({@code $bulk-member-match}), the one client it belongs to;
     *                   {@code null} for an attribution list
     */
    public record GroupRef(String id, List<String> identifierTokens, String matchOwner) {
    }

    public Optional<GroupRef> findGroup(String groupId) throws SQLException {
        try (Connection connection = memberData.getConnection()) {
            try (PreparedStatement exists = connection.prepareStatement(
                    "select 1 from attribution.resource where resource_type = 'Group' and id = ? and not deleted")) {
                exists.setString(1, groupId);
                try (ResultSet result = exists.executeQuery()) {
                    if (!result.next()) {
                        return Optional.empty();
                    }
                }
            }
            List<String> identifiers = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "select system, value from attribution.group_identifier where group_id = ?")) {
                statement.setString(1, groupId);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        identifiers.add(GroupGrant.identifierToken(result.getString(1), result.getString(2)));
                    }
                }
            }
            return Optional.of(new GroupRef(groupId, identifiers, matchOwner(connection, groupId)));
        }
    }

    private static String matchOwner(Connection connection, String groupId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(PayerConsentSql.MATCH_GROUP_OWNER)) {
            statement.setString(1, groupId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    /**
     * The next batch of the population's patients after {@code afterPatientId}, in id order: keyset paging, so each
     * batch costs the same however deep into a large roster it is. Only current (not inactive) members count, and
     * members who opted out of provider access (attribution.member_opt_out) are never members for an export. In a
     * payer-to-payer export the member's Consent decides instead: only members whose Consent is in force count.
     * Groups of matched members are never reached by a grant.
     */
    public List<String> members(Population population, String afterPatientId, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("""
                select distinct m.patient_id from attribution.group_member m
                join attribution.resource g on g.resource_type = 'Group' and g.id = m.group_id and not g.deleted
                where not m.inactive and m.patient_id > ?""");
        List<Object> values = new ArrayList<>();
        values.add(afterPatientId);
        if (population.payerToPayerClient() != null) {
            sql.append(" and ").append(PayerConsentSql.inForce("m.group_id", "m.patient_id"));
            values.add(population.payerToPayerClient());
        } else {
            sql.append(" and ").append(OptOutSql.notOptedOut("m.patient_id"));
        }
        if (population.groupId() != null) {
            sql.append(" and m.group_id = ?");
            values.add(population.groupId());
        } else {
            sql.append(" and (m.group_id = any(?) or exists (select 1 from attribution.group_identifier i "
                    + "where i.group_id = m.group_id and i.system || '|' || i.value = any(?)))"
                    + " and not exists (select 1 from attribution.member_match_group o where o.group_id = m.group_id)");
            values.add(population.grantedGroupIds().toArray(String[]::new));
            values.add(population.grantedGroupIdentifiers().toArray(String[]::new));
        }
        if (population.onlyPatients() != null) {
            sql.append(" and m.patient_id = any(?)");
            values.add(population.onlyPatients().toArray(String[]::new));
        }
        sql.append(" order by m.patient_id limit ?");
        values.add(limit);
        List<String> patients = new ArrayList<>(limit);
        try (Connection connection = memberData.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            new SqlCondition(sql.toString(), values).bind(connection, statement, 1);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    patients.add(result.getString(1));
                }
            }
        }
        return patients;
    }

    /**
     * Members of a Group of matched members (of the {@code patient} subset, if given) whose Consent is not in force for
     * this client, in id order, at most {@code limit}: a payer-to-payer export refuses to start for them, and reports
     * those whose Consent lapsed before it ran.
     *
     * @param recipients the caller's payer identifiers, which the Consent must name as recipient; {@code null} to
     *                   leave the recipient unchecked (the kick-off checked it)
     */
    public List<String> membersWithoutConsent(Population population, Set<String> recipients, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("select m.patient_id from attribution.group_member m "
                + "where m.group_id = ? and not m.inactive and not ");
        List<Object> values = new ArrayList<>();
        values.add(population.groupId());
        if (recipients == null) {
            sql.append(PayerConsentSql.inForce("m.group_id", "m.patient_id"));
        } else {
            sql.append(PayerConsentSql.inForceFor("m.group_id", "m.patient_id"));
            values.add(recipients.toArray(String[]::new));
        }
        values.add(population.payerToPayerClient());
        if (population.onlyPatients() != null) {
            sql.append(" and m.patient_id = any(?)");
            values.add(population.onlyPatients().toArray(String[]::new));
        }
        sql.append(" order by m.patient_id limit ?");
        values.add(limit);
        List<String> patients = new ArrayList<>();
        try (Connection connection = memberData.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            new SqlCondition(sql.toString(), values).bind(connection, statement, 1);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    patients.add(result.getString(1));
                }
            }
        }
        return patients;
    }

    /**
     * The export's {@code transactionTime}: the member data's clock (the one that stamps every lastUpdated), held back
     * to just before the oldest write still in flight. attribution-service takes a transaction id before it reads the
     * clock for a stamp, so every stamp an uncommitted write may still commit is at or after its transaction's start:
     * with the time set before all of them, everything up to it is committed and exported now, and everything after
     * is left to the next export's {@code _since}, so each change is exported exactly once.
     */
    public Instant transactionTime() throws SQLException {
        try (Connection connection = memberData.getConnection();
             PreparedStatement statement = connection.prepareStatement(SAFE_CLOCK);
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getTimestamp(1).toInstant().truncatedTo(ChronoUnit.MILLIS);
        }
    }
}

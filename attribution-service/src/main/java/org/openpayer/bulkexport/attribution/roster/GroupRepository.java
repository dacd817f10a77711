package org.openpayer.bulkexport.attribution.roster;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.attribution.optout.OptOutSql;
import org.openpayer.bulkexport.model.fhir.atr.ServedMember;
import org.openpayer.bulkexport.rest.Caller;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Group storage: the Group's resource row, its members and its identifiers. */
@ApplicationScoped
public class GroupRepository {

    /** Rows per cursor fetch: a member element is a few hundred bytes. */
    private static final int MEMBER_FETCH_SIZE = 1000;

    private final AgroalDataSource dataSource;

    public GroupRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A stored Group's own row, without members, at its current version.
     *
     * @param matchOwner the client a Group of matched members belongs to ({@link MatchGroups}); {@code null} for an
     *                   attribution list
     */
    public record GroupRow(String id, long versionId, String contentWithoutMembers,
                           List<GroupIdentifier> identifiers, String matchOwner) {
    }

    /** Replaces a Group's identifiers (the discovery and grant index) inside the caller's transaction. */
    public void replaceIdentifiers(Connection connection, String groupId, List<GroupIdentifier> identifiers)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from attribution.group_identifier where group_id = ?")) {
            delete.setString(1, groupId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into attribution.group_identifier (group_id, system, value) values (?, ?, ?) "
                        + "on conflict do nothing")) {
            for (GroupIdentifier identifier : identifiers) {
                insert.setString(1, groupId);
                insert.setString(2, identifier.system());
                insert.setString(3, identifier.value());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public Optional<GroupRow> find(String groupId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select r.content, r.version_id, o.client_id from attribution.resource r "
                             + "left join attribution.member_match_group o on o.group_id = r.id "
                             + "where r.resource_type = 'Group' and r.id = ? and not r.deleted")) {
            statement.setString(1, groupId);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                return Optional.of(new GroupRow(groupId, result.getLong(2), result.getString(1),
                        identifiers(connection, groupId), result.getString(3)));
            }
        }
    }

    /**
     * The Groups a client may read (attribution lists granted by id or by a {@code system|value} identifier they
     * carry, and the Groups of matched members it owns), without members, in id order. Access is decided here in SQL,
     * so a search never loads another client's Groups.
     */
    public List<GrantedGroup> readableGroups(Caller caller) throws SQLException {
        List<GrantedGroup> groups = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select r.id, r.content, r.version_id from attribution.resource r "
                             + "where r.resource_type = 'Group' and not r.deleted and ("
                             + GrantedGroupsSql.condition("r.id") + " or " + MatchGroups.ownedBy("r.id")
                             + ") order by r.id")) {
            GrantedGroupsSql.bind(connection, statement, 1, caller.groups());
            statement.setString(3, caller.clientId());
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    groups.add(new GrantedGroup(result.getString(1), result.getLong(3), result.getString(2)));
                }
            }
        }
        return groups;
    }

    /** A Group the caller may read, as stored without members. */
    public record GrantedGroup(String id, long versionId, String contentWithoutMembers) {
    }

    /**
     * Streams the current version's member elements, as served, in stored order through a server-side cursor, so a
     * list of 10^5 members is served in bounded memory.
     */
    public void forEachMember(String groupId, long currentVersion, MemberSink sink) throws SQLException, IOException {
        streamMembers("select " + ServedMember.Row.columns("since_version") + " from attribution.group_member m "
                + "where group_id = ? and " + servedMember("m") + " order by member_seq",
                groupId, null, currentVersion, sink);
    }

    /** How many of the Group's members opted out of provider access: PDex's optedOut count. */
    public int optedOutCount(String groupId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select count(distinct m.patient_id) "
                     + "from attribution.group_member m join attribution.member_opt_out o on o.patient_id = "
                     + "m.patient_id where m.group_id = ? and not " + MatchGroups.isMatchGroup("m.group_id"))) {
            statement.setString(1, groupId);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    /** One Patient's member elements of the current version (one per attributed provider), as served. */
    public List<String> membersOfPatient(String groupId, long currentVersion, String patientId) throws SQLException {
        List<String> members = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select "
                     + ServedMember.Row.columns("since_version")
                     + " from attribution.group_member m where group_id = ? and patient_id = ? and "
                     + servedMember("m") + " order by member_seq")) {
            statement.setString(1, groupId);
            statement.setString(2, patientId);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    members.add(ServedMember.render(ServedMember.Row.read(result), currentVersion));
                }
            }
        }
        return members;
    }

    /** Streams the members of an earlier version, as that version served them. */
    public void forEachMemberOfVersion(String groupId, long version, MemberSink sink)
            throws SQLException, IOException {
        streamMembers("select " + ServedMember.Row.columns("version_from")
                + " from attribution.group_member_history h where group_id = ? and version_from <= ?"
                + " and (version_to is null or version_to > ?) and "
                + servedMember("h") + " order by member_seq", groupId, version, version, sink);
    }

    /**
     * Members who opted out of provider access are left out of attribution lists; Groups of matched members serve
     * every member, since payer-to-payer exchange follows the member's Consent instead.
     */
    private static String servedMember(String alias) {
        return "(" + OptOutSql.notOptedOut(alias + ".patient_id") + " or " + MatchGroups.isMatchGroup(alias
                + ".group_id") + ")";
    }

    private void streamMembers(String sql, String groupId, Long version, long servedVersion, MemberSink sink)
            throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(MEMBER_FETCH_SIZE);
                statement.setString(1, groupId);
                if (version != null) {
                    statement.setLong(2, version);
                    statement.setLong(3, version);
                }
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        sink.accept(ServedMember.render(ServedMember.Row.read(result), servedVersion));
                    }
                }
            } finally {
                connection.rollback();
            }
        }
    }

    /** Receives member elements as JSON text. */
    @FunctionalInterface
    public interface MemberSink {
        void accept(String memberJson) throws IOException;
    }

    private static List<GroupIdentifier> identifiers(Connection connection, String groupId) throws SQLException {
        List<GroupIdentifier> identifiers = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select system, value from attribution.group_identifier where group_id = ?")) {
            statement.setString(1, groupId);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    identifiers.add(new GroupIdentifier(result.getString(1), result.getString(2)));
                }
            }
        }
        return identifiers;
    }
}

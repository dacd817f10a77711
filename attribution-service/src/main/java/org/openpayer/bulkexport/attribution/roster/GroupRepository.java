package org.openpayer.bulkexport.attribution.roster;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.model.security.GroupGrant;

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

    /** A stored Group's own row, without members. */
    public record GroupRow(String id, String contentWithoutMembers, List<GroupIdentifier> identifiers) {
    }

    /** Replaces a Group's members and identifiers inside the caller's transaction. */
    public void replaceParts(Connection connection, String groupId, List<GroupMember> members,
                             List<GroupIdentifier> identifiers) throws SQLException {
        try (PreparedStatement deleteMembers = connection.prepareStatement(
                "delete from attribution.group_member where group_id = ?");
             PreparedStatement deleteIdentifiers = connection.prepareStatement(
                     "delete from attribution.group_identifier where group_id = ?")) {
            deleteMembers.setString(1, groupId);
            deleteMembers.executeUpdate();
            deleteIdentifiers.setString(1, groupId);
            deleteIdentifiers.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into attribution.group_member
                  (group_id, member_seq, patient_id, inactive, period_start, period_end, content)
                values (?, ?, ?, ?, ?, ?, ?)""")) {
            int seq = 0;
            for (GroupMember member : members) {
                insert.setString(1, groupId);
                insert.setInt(2, ++seq);
                insert.setString(3, member.patientId());
                insert.setBoolean(4, member.inactive());
                insert.setDate(5, member.periodStart() == null ? null : Date.valueOf(member.periodStart()));
                insert.setDate(6, member.periodEnd() == null ? null : Date.valueOf(member.periodEnd()));
                insert.setString(7, member.content());
                insert.addBatch();
            }
            insert.executeBatch();
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
                     "select content from attribution.resource "
                             + "where resource_type = 'Group' and id = ? and not deleted")) {
            statement.setString(1, groupId);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                return Optional.of(new GroupRow(groupId, result.getString(1), identifiers(connection, groupId)));
            }
        }
    }

    /** Member elements in stored order. */
    public List<String> memberContents(String groupId) throws SQLException {
        List<String> members = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select content from attribution.group_member where group_id = ? order by member_seq")) {
            statement.setString(1, groupId);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    members.add(result.getString(1));
                }
            }
        }
        return members;
    }

    /**
     * The Groups a client may access (granted by id, or carrying a granted {@code system|value} identifier), without
     * members, in id order. Access is decided here in SQL, so a search never loads another client's Groups.
     */
    public List<GrantedGroup> grantedGroups(GroupGrant grant) throws SQLException {
        List<GrantedGroup> groups = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select r.id, r.content from attribution.resource r "
                             + "where r.resource_type = 'Group' and not r.deleted and "
                             + GrantedGroupsSql.condition("r.id") + " order by r.id")) {
            GrantedGroupsSql.bind(connection, statement, 1, grant);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    groups.add(new GrantedGroup(result.getString(1), result.getString(2)));
                }
            }
        }
        return groups;
    }

    /** A Group the caller may access, as stored without members. */
    public record GrantedGroup(String id, String contentWithoutMembers) {
    }

    /**
     * Streams a Group's member elements in stored order through a server-side cursor, so a list of 10^5 members is
     * served in bounded memory.
     */
    public void forEachMember(String groupId, MemberSink sink) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(
                    "select content from attribution.group_member where group_id = ? order by member_seq")) {
                statement.setFetchSize(MEMBER_FETCH_SIZE);
                statement.setString(1, groupId);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        sink.accept(result.getString(1));
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

package org.openpayer.bulkexport.attribution.roster;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.rest.FhirException;
import org.openpayer.bulkexport.model.fhir.atr.ChangeType;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a Group version's members. Members are staged in a temporary table and merged into the current rows in SQL,
 * so a version costs writes in proportion to what changed and never holds the list in memory: a member whose element
 * is unchanged is not touched; a changed one gets a new row of {@code group_member_history} and its changeType for
 * this version. Runs in the caller's transaction, after the Group's own row got version {@code version}.
 */
@ApplicationScoped
public class GroupMembership {

    /** Rows per JDBC batch while staging. */
    private static final int STAGE_BATCH = 1000;
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String CREATE_STAGE = """
            create temporary table if not exists staged_member (
              member_key varchar(400) primary key, staged_seq integer not null, patient_id varchar(64) not null,
              inactive boolean not null, period_start date, period_end date, content text not null
            ) on commit delete rows""";
    private static final String STAGE = """
            insert into staged_member (member_key, staged_seq, patient_id, inactive, period_start, period_end, content)
            values (?, ?, ?, ?, ?, ?, ?)""";
    private static final String REMOVED = "removed";
    private static final String ABSENT_INACTIVE = """
            select m.patient_id from attribution.group_member m where m.group_id = ? and m.inactive
              and not exists (select 1 from staged_member s where s.member_key = m.member_key)""";
    /** Full replace: an inactive member absent from the new list leaves it. */
    private static final String PURGE_ABSENT_INACTIVE = """
            with purged as (
              delete from attribution.group_member m where m.group_id = ? and m.inactive
                and not exists (select 1 from staged_member s where s.member_key = m.member_key)
              returning m.member_key)
            update attribution.group_member_history h set version_to = ? from purged p
            where h.group_id = ? and h.member_key = p.member_key and h.version_to is null""";
    /** Full replace: an active member absent from the new list stays, inactive, as ATR's dropped member. */
    private static final String DROP_ABSENT_ACTIVE = """
            insert into staged_member (member_key, staged_seq, patient_id, inactive, period_start, period_end, content)
            select m.member_key, 0, m.patient_id, true, m.period_start, m.period_end,
                   jsonb_set(m.content::jsonb, '{inactive}', 'true')::text
            from attribution.group_member m
            where m.group_id = ? and not m.inactive
              and not exists (select 1 from staged_member s where s.member_key = m.member_key)""";
    private static final String CLOSE_CHANGED_HISTORY = """
            update attribution.group_member_history h set version_to = ?
            from staged_member s join attribution.group_member m on m.group_id = ? and m.member_key = s.member_key
            where h.group_id = ? and h.member_key = s.member_key and h.version_to is null
              and m.content <> s.content""";
    private static final String UPDATE_CHANGED = """
            update attribution.group_member m set patient_id = s.patient_id, inactive = s.inactive,
              period_start = s.period_start, period_end = s.period_end, content = s.content, since_version = ?,
              change_type = case when s.inactive and not m.inactive then 'dropped' else 'changed' end
            from staged_member s where m.group_id = ? and m.member_key = s.member_key and m.content <> s.content""";
    private static final String INSERT_NEW = """
            insert into attribution.group_member (group_id, member_seq, patient_id, inactive, period_start, period_end,
                                                  content, member_key, since_version, change_type)
            select ?, (select coalesce(max(member_seq), 0) from attribution.group_member where group_id = ?)
                      + row_number() over (order by s.staged_seq),
                   s.patient_id, s.inactive, s.period_start, s.period_end, s.content, s.member_key, ?, 'new'
            from staged_member s
            where not exists (select 1 from attribution.group_member m
                              where m.group_id = ? and m.member_key = s.member_key)""";
    /** A changed member keeps its PDex download bookkeeping: only a new download changes that. */
    private static final String RECORD_HISTORY = """
            insert into attribution.group_member_history (group_id, member_key, member_seq, patient_id, version_from,
                                                          version_to, change_type, content, last_transmitted,
                                                          last_types, last_type_filter)
            select group_id, member_key, member_seq, patient_id, since_version, null, change_type, content,
                   last_transmitted, last_types, last_type_filter
            from attribution.group_member where group_id = ? and since_version = ?""";
    private static final String CHANGES_OF_VERSION = """
            select patient_id, change_type from attribution.group_member where group_id = ? and since_version = ?""";

    /** Opens an empty stage for one Group's members in this transaction. */
    public Stage stage(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE_STAGE);
            statement.execute("truncate staged_member");
        }
        return new Stage(connection);
    }

    /**
     * The staged members are the whole new list: members not staged are dropped (kept inactive) if active, and
     * leave the list if they were inactive already.
     */
    public List<MemberChange> replaceAll(Connection connection, String groupId, long version) throws SQLException {
        List<MemberChange> removed = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(ABSENT_INACTIVE)) {
            statement.setString(1, groupId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    removed.add(new MemberChange(row.getString(1), REMOVED));
                }
            }
        }
        update(connection, PURGE_ABSENT_INACTIVE, groupId, version, groupId);
        update(connection, DROP_ABSENT_ACTIVE, groupId);
        List<MemberChange> changes = new ArrayList<>(merge(connection, groupId, version));
        changes.addAll(removed);
        return changes;
    }

    /** The staged members are added or replaced; every other member stays as it is. */
    public List<MemberChange> merge(Connection connection, String groupId, long version) throws SQLException {
        update(connection, CLOSE_CHANGED_HISTORY, version, groupId, groupId);
        update(connection, UPDATE_CHANGED, version, groupId);
        update(connection, INSERT_NEW, groupId, groupId, version, groupId);
        update(connection, RECORD_HISTORY, groupId, version);
        List<MemberChange> changes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(CHANGES_OF_VERSION)) {
            statement.setString(1, groupId);
            statement.setLong(2, version);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    changes.add(new MemberChange(row.getString(1), row.getString(2)));
                }
            }
        }
        return changes;
    }

    /** A deleted Group: its members' history rows end at the tombstone version, and the current rows go. */
    public void removeAll(Connection connection, String groupId, long tombstoneVersion) throws SQLException {
        update(connection, "update attribution.group_member_history set version_to = ? "
                + "where group_id = ? and version_to is null", tombstoneVersion, groupId);
        update(connection, "delete from attribution.group_member where group_id = ?", groupId);
    }

    private static void update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    /**
     * How one member changed in a version, for events.
     *
     * @param changeType a {@link ChangeType} code, or {@code removed} for an inactive member who left the list
     */
    public record MemberChange(String patientId, String changeType) {
    }

    /** Members staged for one Group version, written in batches as they arrive. */
    public static final class Stage {
        private final PreparedStatement insert;
        private int staged;

        private Stage(Connection connection) throws SQLException {
            this.insert = connection.prepareStatement(STAGE);
        }

        public void add(GroupMember member) throws SQLException {
            insert.setString(1, member.memberKey());
            insert.setInt(2, ++staged);
            insert.setString(3, member.patientId());
            insert.setBoolean(4, member.inactive());
            insert.setDate(5, member.periodStart() == null ? null : Date.valueOf(member.periodStart()));
            insert.setDate(6, member.periodEnd() == null ? null : Date.valueOf(member.periodEnd()));
            insert.setString(7, member.content());
            insert.addBatch();
            if (staged % STAGE_BATCH == 0) {
                flush();
            }
        }

        /** Writes what is still batched; a member listed twice for one provider is a 400. */
        public void finish() throws SQLException {
            try {
                flush();
            } finally {
                insert.close();
            }
        }

        private void flush() throws SQLException {
            try {
                insert.executeBatch();
            } catch (SQLException e) {
                if (isUniqueViolation(e)) {
                    throw FhirException.badRequest("The Group lists a member twice for the same attributed "
                            + "provider; list each Patient once per provider.");
                }
                throw e;
            }
        }

        private static boolean isUniqueViolation(SQLException e) {
            for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
                if (UNIQUE_VIOLATION.equals(cause.getSQLState())) {
                    return true;
                }
            }
            return false;
        }
    }
}

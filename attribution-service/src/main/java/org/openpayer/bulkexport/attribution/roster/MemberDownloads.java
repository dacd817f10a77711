package org.openpayer.bulkexport.attribution.roster;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.attribution.optout.OptOutSql;
import org.openpayer.bulkexport.model.fhir.atr.ChangeType;
import org.openpayer.bulkexport.model.fhir.atr.LastDownload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * PDex 2.1 provider-download bookkeeping on a Group's member rows, set-based: the members a download sent are found and
 * booked in a few statements over a temporary table of member keys, so a Group of a million members is never read into
 * memory nor written one statement per member. Members are keyed as in {@link GroupMembership}; a booked member gets a
 * member version of its own ({@code nochange}: its attribution did not change), so earlier versions keep serving the
 * bookkeeping they had. Runs in the caller's transaction, with the Group's row locked.
 */
@ApplicationScoped
public class MemberDownloads {

    private static final String CREATE_STAGE = """
            create temporary table if not exists booked_member (member_key varchar(400) primary key)
            on commit delete rows""";
    private static final String VERSION_AT = """
            select version_id, deleted from attribution.resource_history
            where resource_type = 'Group' and id = ? and last_updated <= ? order by version_id desc limit 1""";
    /**
     * The members of the version served that were active in it, have not opted out (now: the export re-checked
     * opt-outs when it ran, and an opted-out member is not served anyway) and are still listed, whose bookkeeping
     * this download moves forward: a redelivered or older download never moves lastTransmitted back.
     */
    private static final String STAGE_SENT = "insert into booked_member (member_key)"
            + " select m.member_key from attribution.group_member m"
            + " join attribution.group_member_history h on h.group_id = m.group_id and h.member_key = m.member_key"
            + " where m.group_id = ? and h.version_from <= ? and (h.version_to is null or h.version_to > ?)"
            + " and (h.content::jsonb -> 'inactive') is distinct from 'true'::jsonb"
            + " and (m.last_transmitted is null or m.last_transmitted < ?)"
            + " and " + OptOutSql.notOptedOut("m.patient_id");
    private static final String ONLY_PATIENTS = " and h.patient_id = any(?)";
    private static final String CLOSE_HISTORY = """
            update attribution.group_member_history h set version_to = ? from booked_member b
            where h.group_id = ? and h.member_key = b.member_key and h.version_to is null""";
    private static final String BOOK = """
            update attribution.group_member m set last_transmitted = ?, last_types = ?, last_type_filter = ?
            from booked_member b where m.group_id = ? and m.member_key = b.member_key""";
    private static final String RECORD_HISTORY = """
            insert into attribution.group_member_history (group_id, member_key, member_seq, patient_id, version_from,
                                                          version_to, change_type, content, last_transmitted,
                                                          last_types, last_type_filter)
            select m.group_id, m.member_key, m.member_seq, m.patient_id, ?, null, ?, m.content, m.last_transmitted,
                   m.last_types, m.last_type_filter
            from attribution.group_member m join booked_member b on b.member_key = m.member_key
            where m.group_id = ?""";

    /**
     * One download to book.
     *
     * @param groupId       the Group exported
     * @param servedVersion the Group version whose members the export sent
     * @param patients      the export's {@code patient} subset, or {@code null} for all members
     * @param download      what each member sent gets
     */
    public record Sent(String groupId, long servedVersion, List<String> patients, LastDownload download) {
    }

    /** The Group's version current at an instant; empty when it did not exist then, or was deleted. */
    public OptionalLong versionAt(Connection connection, String groupId, Instant at) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(VERSION_AT)) {
            statement.setString(1, groupId);
            statement.setTimestamp(2, Timestamp.from(at));
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && !row.getBoolean(2) ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Finds the members the download sent whose bookkeeping it moves forward; returns how many. */
    public int stage(Connection connection, Sent sent) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE_STAGE);
            statement.execute("truncate booked_member");
        }
        try (PreparedStatement statement = connection.prepareStatement(
                STAGE_SENT + (sent.patients() == null ? "" : ONLY_PATIENTS))) {
            statement.setString(1, sent.groupId());
            statement.setLong(2, sent.servedVersion());
            statement.setLong(3, sent.servedVersion());
            statement.setTimestamp(4, Timestamp.from(sent.download().transmitted()));
            if (sent.patients() != null) {
                statement.setArray(5, connection.createArrayOf("varchar", sent.patients().toArray()));
            }
            return statement.executeUpdate();
        }
    }

    /** Books the staged members in the Group's new version {@code version}, which the caller has just written. */
    public void book(Connection connection, Sent sent, long version) throws SQLException {
        try (PreparedStatement close = connection.prepareStatement(CLOSE_HISTORY);
             PreparedStatement book = connection.prepareStatement(BOOK);
             PreparedStatement record = connection.prepareStatement(RECORD_HISTORY)) {
            close.setLong(1, version);
            close.setString(2, sent.groupId());
            close.executeUpdate();
            LastDownload download = sent.download();
            book.setTimestamp(1, Timestamp.from(download.transmitted()));
            book.setString(2, download.types());
            book.setString(3, download.typeFilter());
            book.setString(4, sent.groupId());
            book.executeUpdate();
            record.setLong(1, version);
            record.setString(2, ChangeType.NOCHANGE.code());
            record.setString(3, sent.groupId());
            record.executeUpdate();
        }
    }
}

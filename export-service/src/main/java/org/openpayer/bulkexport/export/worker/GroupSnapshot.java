package org.openpayer.bulkexport.export.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openpayer.bulkexport.export.roster.OptOutSql;
import org.openpayer.bulkexport.model.event.ExportTaskPlanned;
import org.openpayer.bulkexport.model.fhir.atr.ServedGroup;
import org.openpayer.bulkexport.model.fhir.atr.ServedMember;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * An ATR export's Group resource, as attribution-service serves it, in the version current at the job's transaction
 * time (and before {@code _until}): the Group's own element from its history, PDex's opted-out count, and the members
 * of that version, each with its changeType and PDex download bookkeeping, streamed from a cursor. Members who opted
 * out are left out as of now: opt-outs are re-checked when the job runs. With {@code _since}, a Group not changed since
 * gives no file.
 */
final class GroupSnapshot {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MEMBER = "member";
    private static final String VERSION = """
            select h.version_id, h.content, h.last_updated from attribution.resource_history h
            where h.resource_type = 'Group' and h.id = ? and h.last_updated <= ?""";
    private static final String UNTIL = " and h.last_updated < ?";
    private static final String LATEST = " order by h.version_id desc limit 1";
    private static final String NOT_OPTED_OUT = OptOutSql.notOptedOut("h.patient_id");
    private static final String MEMBERS = "select " + ServedMember.Row.columns("version_from")
            + " from attribution.group_member_history h"
            + " where h.group_id = ? and h.version_from <= ? and (h.version_to is null or h.version_to > ?)"
            + " and " + NOT_OPTED_OUT + " order by h.member_seq";
    private static final String OPTED_OUT = """
            select count(distinct h.patient_id) from attribution.group_member_history h
            where h.group_id = ? and h.version_from <= ? and (h.version_to is null or h.version_to > ?)"""
            + " and not " + NOT_OPTED_OUT;

    private GroupSnapshot() {
    }

    /**
     * The Group's JSON as pieces, members read as the pieces are pulled; empty when the Group has no version to
     * export. With {@code _elements} ({@code kept} present) the Group keeps those elements only, tagged SUBSETTED, and
     * its members are read only when {@code member} is among them. The connection must not auto-commit, so the member
     * cursor streams.
     */
    static Optional<Iterator<String>> open(Connection connection, ExportTaskPlanned task, Optional<Set<String>> kept)
            throws SQLException {
        Optional<Version> version = version(connection, task);
        if (version.isEmpty() || version.get().deleted()
                || task.since() != null && !version.get().lastUpdated().isAfter(task.since())) {
            return Optional.empty();
        }
        long versionId = version.get().id();
        ObjectNode group = parse(version.get().content());
        ServedGroup.withOptedOut(group, optedOut(connection, task.groupId(), versionId));
        if (kept.isPresent()) {
            ElementsProjection.retain(group, kept.get());
            if (!kept.get().contains(MEMBER)) {
                return Optional.of(ServedGroup.pieces(group.toString(), Collections.emptyIterator()));
            }
        }
        PreparedStatement members = connection.prepareStatement(MEMBERS);
        members.closeOnCompletion();
        members.setFetchSize(ResourceQuery.FETCH_SIZE);
        members.setString(1, task.groupId());
        members.setLong(2, versionId);
        members.setLong(3, versionId);
        return Optional.of(ServedGroup.pieces(group.toString(), new MemberRows(members.executeQuery(), versionId)));
    }

    private record Version(long id, String content, Instant lastUpdated) {
        boolean deleted() {
            return content == null;
        }
    }

    private static Optional<Version> version(Connection connection, ExportTaskPlanned task) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                VERSION + (task.until() == null ? "" : UNTIL) + LATEST)) {
            statement.setString(1, task.groupId());
            statement.setTimestamp(2, Timestamp.from(task.transactionTime()));
            if (task.until() != null) {
                statement.setTimestamp(3, Timestamp.from(task.until()));
            }
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? Optional.of(new Version(row.getLong(1), row.getString(2), row.getTimestamp(3).toInstant()))
                        : Optional.empty();
            }
        }
    }

    private static int optedOut(Connection connection, String groupId, long versionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(OPTED_OUT)) {
            statement.setString(1, groupId);
            statement.setLong(2, versionId);
            statement.setLong(3, versionId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static ObjectNode parse(String content) {
        try {
            return (ObjectNode) JSON.readTree(content);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("a stored Group is unreadable", e);
        }
    }

    /** The member rows as served member elements, one row fetched per element asked for. */
    private static final class MemberRows implements Iterator<String> {

        private final ResultSet rows;
        private final long servedVersion;
        private Boolean ahead;

        MemberRows(ResultSet rows, long servedVersion) {
            this.rows = rows;
            this.servedVersion = servedVersion;
        }

        @Override
        public boolean hasNext() {
            if (ahead == null) {
                try {
                    ahead = rows.next();
                } catch (SQLException e) {
                    throw new UncheckedIOException(new IOException("reading the Group's members failed", e));
                }
            }
            return ahead;
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ahead = null;
            try {
                return ServedMember.render(ServedMember.Row.read(rows), servedVersion);
            } catch (SQLException e) {
                throw new UncheckedIOException(new IOException("reading the Group's members failed", e));
            }
        }
    }
}

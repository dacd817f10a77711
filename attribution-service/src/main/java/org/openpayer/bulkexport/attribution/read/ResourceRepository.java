package org.openpayer.bulkexport.attribution.read;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.attribution.optout.OptOutSql;
import org.openpayer.bulkexport.attribution.roster.GrantedGroupsSql;
import org.openpayer.bulkexport.model.security.GroupGrant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads stored resources and their history, and answers whether a patient is a member of a caller's Groups. */
@ApplicationScoped
public class ResourceRepository {

    private static final String MEMBER_OF_GRANTED_GROUP = """
            select exists (
              select 1 from attribution.group_member m
              join attribution.resource g on g.resource_type = 'Group' and g.id = m.group_id and not g.deleted
              where m.patient_id = ? and not m.inactive and %s and %s)""".formatted(
            GrantedGroupsSql.condition("m.group_id"), OptOutSql.notOptedOut("m.patient_id"));

    private final AgroalDataSource dataSource;

    public ResourceRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The current row of a resource: its latest version (a tombstone if deleted) and its patient compartment. */
    public Optional<CurrentResource> current(String type, String id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select version_id, last_updated, deleted, content, patient_id from attribution.resource "
                             + "where resource_type = ? and id = ?")) {
            statement.setString(1, type);
            statement.setString(2, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? Optional.of(new CurrentResource(version(row), row.getString(5)))
                        : Optional.empty();
            }
        }
    }

    public Optional<StoredVersion> version(String type, String id, long versionId) throws SQLException {
        return versions(type, id, versionId).stream().findFirst();
    }

    /** Every version, newest first. */
    public List<StoredVersion> history(String type, String id) throws SQLException {
        return versions(type, id, null);
    }

    /** Whether the patient is an active member of a Group the grant covers. */
    public boolean isMemberOfGrantedGroup(String patientId, GroupGrant grant) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(MEMBER_OF_GRANTED_GROUP)) {
            statement.setString(1, patientId);
            GrantedGroupsSql.bind(connection, statement, 2, grant);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private List<StoredVersion> versions(String type, String id, Long onlyVersion) throws SQLException {
        String sql = "select version_id, last_updated, deleted, content from attribution.resource_history "
                + "where resource_type = ? and id = ?" + (onlyVersion == null ? "" : " and version_id = ?")
                + " order by version_id desc";
        List<StoredVersion> versions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, type);
            statement.setString(2, id);
            if (onlyVersion != null) {
                statement.setLong(3, onlyVersion);
            }
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    versions.add(version(row));
                }
            }
        }
        return versions;
    }

    private static StoredVersion version(ResultSet row) throws SQLException {
        return new StoredVersion(row.getLong(1), row.getTimestamp(2).toInstant(), row.getBoolean(3),
                row.getString(4));
    }

    /** A resource's current version and the patient compartment it belongs to ({@code null} outside them). */
    public record CurrentResource(StoredVersion latest, String patientId) {
    }
}

package org.openpayer.bulkexport.attribution.roster.operation;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.model.fhir.atr.AtrVocabulary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * A Group's own element (no members), read under a row lock for the rest of the transaction, so operations on one
 * Group (ATR's, and PDex download bookkeeping) apply one after the other and none builds on a stale list status.
 *
 * @param group       the Group without members, parsed
 * @param versionId   its current version
 * @param lastUpdated that version's time
 */
public record LockedGroup(Group group, long versionId, Instant lastUpdated) {

    /** Locks the Group's row until the transaction ends; empty when there is no such Group (or it is deleted). */
    public static Optional<LockedGroup> lock(Connection connection, FhirJson fhir, String groupId)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select content, version_id, last_updated "
                + "from attribution.resource where resource_type = 'Group' and id = ? and not deleted for update")) {
            statement.setString(1, groupId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Group group = (Group) fhir.strictParser().parseResource(row.getString(1));
                group.setId(groupId);
                return Optional.of(new LockedGroup(group, row.getLong(2), row.getTimestamp(3).toInstant()));
            }
        }
    }

    /** ATR list status: draft, open or final; a Group without one is open. */
    public String listStatus() {
        Extension status = group.getExtensionByUrl(AtrVocabulary.ATTRIBUTION_LIST_STATUS);
        return status == null || status.getValue() == null ? "open" : status.getValue().primitiveValue();
    }

    boolean isFinal() {
        return "final".equals(listStatus());
    }

    void setListStatus(String code) {
        group.getExtension().removeIf(extension -> AtrVocabulary.ATTRIBUTION_LIST_STATUS.equals(extension.getUrl()));
        group.addExtension(AtrVocabulary.ATTRIBUTION_LIST_STATUS, new CodeType(code));
    }
}

package org.openpayer.bulkexport.attribution.write;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.attribution.roster.GroupFhirMapper;
import org.openpayer.bulkexport.attribution.roster.GroupRepository;
import org.openpayer.bulkexport.attribution.store.ResourceStore;
import org.openpayer.bulkexport.attribution.store.ResourceWrite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Every write path's last step (bulk load, REST, transactions): stores resources and keeps the Group tables in step.
 * A Group's resource row and history get the whole Group; the current row keeps it without members, which move to
 * rows of their own, and its identifiers go to the discovery table. Runs in the caller's transaction.
 */
@ApplicationScoped
public class ResourceBatchWriter {

    private final ResourceStore store;
    private final GroupFhirMapper groupMapper;
    private final GroupRepository groups;

    public ResourceBatchWriter(ResourceStore store, GroupFhirMapper groupMapper, GroupRepository groups) {
        this.store = store;
        this.groupMapper = groupMapper;
        this.groups = groups;
    }

    /** Stores a batch (no resource twice); returns what was stored of each, in batch order. */
    public List<ResourceStore.Stored> write(Connection connection, List<ResourceWrite> batch) throws SQLException {
        List<ResourceStore.Stored> stored = store.write(connection, batch);
        for (int i = 0; i < batch.size(); i++) {
            ResourceWrite write = batch.get(i);
            if ("Group".equals(write.resourceType())) {
                storeGroupParts(connection, write.id(), stored.get(i).content());
            }
        }
        return stored;
    }

    /** Deletes a resource (a Group loses its members and identifiers too); empty if there was nothing to delete. */
    public Optional<Long> delete(Connection connection, String resourceType, String id) throws SQLException {
        Optional<Long> version = store.delete(connection, resourceType, id);
        if (version.isPresent() && "Group".equals(resourceType)) {
            groups.replaceParts(connection, id, List.of(), List.of());
        }
        return version;
    }

    private void storeGroupParts(Connection connection, String groupId, String groupJson) throws SQLException {
        GroupFhirMapper.StoredGroup parts = groupMapper.fromFhir(groupJson);
        groups.replaceParts(connection, groupId, parts.members(), parts.identifiers());
        try (PreparedStatement update = connection.prepareStatement(
                "update attribution.resource set content = ? where resource_type = 'Group' and id = ?")) {
            update.setString(1, parts.contentWithoutMembers());
            update.setString(2, groupId);
            update.executeUpdate();
        }
    }
}

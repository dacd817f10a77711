package org.openpayer.bulkexport.attribution.write;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.attribution.event.AttributionEvents;
import org.openpayer.bulkexport.attribution.optout.OptOutRegistry;
import org.openpayer.bulkexport.attribution.roster.GroupFhirMapper;
import org.openpayer.bulkexport.attribution.roster.GroupMembership;
import org.openpayer.bulkexport.attribution.roster.GroupRepository;
import org.openpayer.bulkexport.attribution.store.ResourceStore;
import org.openpayer.bulkexport.attribution.store.ResourceWrite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every write path's last step (bulk load, REST, transactions): stores resources and keeps the Group tables in step.
 * A Group's resource row and history hold the Group without its members, which {@link GroupMembership} merges into
 * versioned rows of their own; its identifiers go to the discovery table. A Consent updates its member's provider
 * access decision. Runs in the caller's transaction.
 */
@ApplicationScoped
public class ResourceBatchWriter {

    private static final String CONSENT = "Consent";

    private final ResourceStore store;
    private final GroupFhirMapper groupMapper;
    private final GroupRepository groups;
    private final GroupMembership membership;
    private final AttributionEvents events;
    private final OptOutRegistry optOuts;

    public ResourceBatchWriter(ResourceStore store, GroupFhirMapper groupMapper, GroupRepository groups,
                               GroupMembership membership, AttributionEvents events, OptOutRegistry optOuts) {
        this.optOuts = optOuts;
        this.store = store;
        this.groupMapper = groupMapper;
        this.groups = groups;
        this.membership = membership;
        this.events = events;
    }

    /** Stores a batch (no resource twice); returns what was stored of each, in batch order. */
    public List<ResourceStore.Stored> write(Connection connection, List<ResourceWrite> batch) throws SQLException {
        List<ResourceStore.Stored> stored = store.write(connection, batch);
        for (int i = 0; i < batch.size(); i++) {
            ResourceWrite write = batch.get(i);
            if ("Group".equals(write.resourceType())) {
                storeGroupParts(connection, write, stored.get(i));
            }
        }
        Set<String> consentingMembers = batch.stream()
                .filter(write -> CONSENT.equals(write.resourceType()) && write.patientId() != null)
                .map(ResourceWrite::patientId).collect(Collectors.toSet());
        optOuts.recompute(connection, consentingMembers);
        return stored;
    }

    /** Deletes a resource (a Group loses its members and identifiers too); empty if there was nothing to delete. */
    public Optional<Long> delete(Connection connection, String resourceType, String id) throws SQLException {
        Optional<String> consentingMember = CONSENT.equals(resourceType)
                ? store.patientId(connection, resourceType, id) : Optional.empty();
        Optional<Long> version = store.delete(connection, resourceType, id);
        if (version.isPresent() && consentingMember.isPresent()) {
            optOuts.recompute(connection, Set.of(consentingMember.get()));
        }
        if (version.isPresent() && "Group".equals(resourceType)) {
            membership.removeAll(connection, id, version.get());
            groups.replaceIdentifiers(connection, id, List.of());
            events.listChanged(connection, id, version.get(), store.lastUpdated(connection, resourceType, id),
                    "delete", null, List.of());
        }
        return version;
    }

    /** The write's members are the Group's whole new list. */
    private void storeGroupParts(Connection connection, ResourceWrite write, ResourceStore.Stored stored)
            throws SQLException {
        write.groupMembers().stage(connection, membership);
        List<GroupMembership.MemberChange> changes = membership.replaceAll(connection, write.id(), stored.versionId());
        groups.replaceIdentifiers(connection, write.id(), groupMapper.fromFhir(stored.content()).identifiers());
        events.listChanged(connection, write.id(), stored.versionId(), stored.lastUpdated(), "update",
                GroupFhirMapper.listStatus(stored.content()), changes);
    }
}

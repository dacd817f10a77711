package org.openpayer.bulkexport.attribution.write;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.attribution.event.AttributionEvents;
import org.openpayer.bulkexport.attribution.optout.OptOutRegistry;
import org.openpayer.bulkexport.attribution.roster.GroupFhirMapper;
import org.openpayer.bulkexport.attribution.roster.GroupMembership;
import org.openpayer.bulkexport.attribution.roster.GroupRepository;
import org.openpayer.bulkexport.attribution.roster.MatchGroups;
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
    private final MatchGroups matchGroups;

    public ResourceBatchWriter(ResourceStore store, GroupFhirMapper groupMapper, GroupRepository groups,
                               GroupMembership membership, AttributionEvents events, OptOutRegistry optOuts,
                               MatchGroups matchGroups) {
        this.optOuts = optOuts;
        this.matchGroups = matchGroups;
        this.store = store;
        this.groupMapper = groupMapper;
        this.groups = groups;
        this.membership = membership;
        this.events = events;
    }

    /**
     * Stores a batch (no resource twice); returns what was stored of each, in batch order. Groups of matched members
     * are the server's own: writing one is refused (422).
     */
    public List<ResourceStore.Stored> write(Connection connection, List<ResourceWrite> batch) throws SQLException {
        matchGroups.refuseChanges(connection, batch.stream()
                .filter(write -> "Group".equals(write.resourceType())).map(ResourceWrite::id).toList());
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
        if ("Group".equals(resourceType)) {
            matchGroups.refuseChanges(connection, List.of(id));
        }
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

    /**
     * Stores a new Group of matched members ({@code $bulk-member-match}) for the client that asked, members included.
     * It is no attribution list: it gets no discovery identifiers (so no identifier grant can reach it) and no
     * attribution-list-changed event.
     */
    public ResourceStore.Stored writeMatchGroup(Connection connection, ResourceWrite group, String ownerClientId)
            throws SQLException {
        ResourceStore.Stored stored = store.write(connection, List.of(group)).get(0);
        group.groupMembers().stage(connection, membership);
        membership.replaceAll(connection, group.id(), stored.versionId());
        matchGroups.register(connection, group.id(), ownerClientId);
        return stored;
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

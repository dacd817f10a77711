package org.openpayer.bulkexport.attribution.event;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.attribution.roster.GroupMembership;
import org.openpayer.bulkexport.model.event.AttributionListChanged;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Turns a Group version into its {@link AttributionListChanged} events, in parts, through the outbox. */
@ApplicationScoped
public class AttributionEvents {

    private final EventOutbox outbox;

    public AttributionEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /**
     * @param listStatus the version's ATR list status, or {@code null} for a delete
     * @param changes    the members the version changed
     */
    public void listChanged(Connection connection, String groupId, long versionId, Instant occurredAt, String cause,
                            String listStatus, List<GroupMembership.MemberChange> changes) throws SQLException {
        List<AttributionListChanged.MemberChange> members = changes.stream()
                .map(change -> new AttributionListChanged.MemberChange(change.patientId(), change.changeType()))
                .toList();
        int size = AttributionListChanged.MAX_MEMBERS_PER_EVENT;
        int parts = Math.max(1, (members.size() + size - 1) / size);
        for (int part = 0; part < parts; part++) {
            List<AttributionListChanged.MemberChange> slice =
                    members.subList(part * size, Math.min(members.size(), (part + 1) * size));
            outbox.add(connection, groupId, new AttributionListChanged(groupId, versionId, occurredAt, cause,
                    listStatus, part + 1, parts, List.copyOf(slice)));
        }
    }
}

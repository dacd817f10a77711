package org.openpayer.bulkexport.model.event;

import java.time.Instant;
import java.util.List;

/**
 * An attribution Group got a new version (or was deleted): for payer systems and subscribers that react to list
 * changes (ATR's atr-list-change topic). A version that changes many members is published in parts of at most
 * {@link #MAX_MEMBERS_PER_EVENT} members each, all with the same group and version; a consumer that needs the whole
 * list reads that version of the Group.
 *
 * @param groupId    the Group
 * @param versionId  its new version (the tombstone's, for a delete)
 * @param occurredAt the version's {@code meta.lastUpdated}
 * @param cause      what made the version: {@code update}, {@code member-add}, {@code member-remove},
 *                   {@code confirm-attribution-list}, {@code delete}, or {@code provider-download} (PDex 2.1
 *                   bookkeeping of a provider-download export on the members it sent: no attribution changes, so
 *                   no members are listed; read the version for the members' new lastTransmitted)
 * @param listStatus the ATR list status of the version ({@code draft}, {@code open}, {@code final}); absent on delete
 * @param part       this event's part of the version's changes, from 1
 * @param parts      how many parts the version's changes fill (at least 1)
 * @param members    the members this version changed, in this part
 */
public record AttributionListChanged(String groupId, long versionId, Instant occurredAt, String cause,
                                     String listStatus, int part, int parts, List<MemberChange> members) {

    /** Members per event: keeps each message far below Kafka's default 1 MB limit. */
    public static final int MAX_MEMBERS_PER_EVENT = 1000;

    /**
     * One member's change in the version.
     *
     * @param patientId  the member's Patient id
     * @param changeType ATR's change type: {@code new}, {@code changed} or {@code dropped}, or {@code removed} for
     *                   an inactive member who left the list
     */
    public record MemberChange(String patientId, String changeType) {
    }
}

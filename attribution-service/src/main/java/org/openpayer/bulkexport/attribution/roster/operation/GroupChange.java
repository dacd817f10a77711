package org.openpayer.bulkexport.attribution.roster.operation;

import org.openpayer.bulkexport.attribution.roster.GroupMembership;

import java.time.Instant;
import java.util.List;

/**
 * What an ATR operation did to a Group: its answer to the client, and the changes it publishes.
 *
 * @param newVersion  whether it made a new Group version (false when the Group already was as asked)
 * @param versionId   the Group's version after the operation
 * @param lastUpdated that version's time
 * @param message     what happened, for the OperationOutcome the client gets
 * @param changes     the members the new version changed
 */
record GroupChange(boolean newVersion, long versionId, Instant lastUpdated, String message,
                        List<GroupMembership.MemberChange> changes) {
}

package org.openpayer.bulkexport.attribution.roster;

import java.time.LocalDate;

/**
 * One member of an attribution Group as stored.
 *
 * @param memberKey   what identifies the member within its Group: ATR lists a member once per attributed provider,
 *                    so the Patient id and the attributed provider reference
 * @param patientId   the member's Patient id
 * @param inactive    ATR: true once the member is no longer attributed (dropped)
 * @param periodStart start of the attribution period, or {@code null}
 * @param periodEnd   end of the attribution period, or {@code null}
 * @param content     the {@code Group.member} element as JSON, without changeType (computed when served)
 */
public record GroupMember(String memberKey, String patientId, boolean inactive, LocalDate periodStart,
                          LocalDate periodEnd, String content) {
}

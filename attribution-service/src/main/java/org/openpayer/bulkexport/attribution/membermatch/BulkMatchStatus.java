package org.openpayer.bulkexport.attribution.membermatch;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a {@code $bulk-member-match} job, its transitions listed here once. A job is accepted in progress (its
 * members are stored with it, so there is nothing to queue), and ends completed, or failed when a member cannot be
 * processed at all. A client's DELETE removes the job in any state; an instance stopping never fails it, since
 * another carries on with the members still waiting.
 */
enum BulkMatchStatus {
    /** Members are waiting to be matched, or the Groups to be built. */
    IN_PROGRESS,
    /** Every member has its outcome and the result is stored. */
    COMPLETED,
    /** A member could not be processed; the status answers with the reason. */
    FAILED;

    private Set<BulkMatchStatus> next() {
        return this == IN_PROGRESS ? EnumSet.of(COMPLETED, FAILED) : EnumSet.noneOf(BulkMatchStatus.class);
    }

    boolean canMoveTo(BulkMatchStatus target) {
        return next().contains(target);
    }
}

package org.openpayer.bulkexport.attribution.payerpull.task;

import java.util.UUID;

/**
 * A running pull as one instance holds it: every write of its state names both, so an instance whose lease was taken
 * over (it stalled past the lease) cannot overwrite what the new holder does.
 *
 * @param pullId   the pull
 * @param instance the instance that claimed it
 */
public record PullLease(UUID pullId, String instance) {
}

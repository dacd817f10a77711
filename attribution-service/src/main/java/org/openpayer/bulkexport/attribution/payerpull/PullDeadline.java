package org.openpayer.bulkexport.attribution.payerpull;

import java.time.Duration;
import java.time.Instant;

/**
 * When a pull must be done: its first start plus the configured timeout. Polls wait no longer than it, downloads are
 * cut at it, and its message says which setting to change.
 *
 * @param at    the instant
 * @param limit the configured timeout, for messages
 */
public record PullDeadline(Instant at, Duration limit) {

    public boolean passed() {
        return Instant.now().isAfter(at);
    }

    public Duration remaining() {
        Duration remaining = Duration.between(Instant.now(), at);
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    /** The failure of a pull that ran out of time in {@code step}. */
    public PullFailure exceeded(PullStep step) {
        return new PullFailure(step, "The pull did not finish within its time limit of " + limit.toMinutes()
                + " min (ATTRIBUTION_PAYER_PULL_TIMEOUT) while " + step.description() + ".");
    }
}

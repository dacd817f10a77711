package org.openpayer.bulkexport.attribution.payerpull;

/**
 * Where a running pull is, reported as it goes: shown on its Task, and the heartbeat that keeps the pull with this
 * instance. Throws when the pull is no longer this instance's to run (its lease was taken over).
 */
@FunctionalInterface
public interface PullProgress {

    void report(PullStep step, String progress);
}

package org.openpayer.bulkexport.export.job;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an export job. Every allowed transition is listed here, in one place; {@link JobLifecycle} refuses any
 * other. A job whose work stops (shutdown, a worker lost) stays {@code IN_PROGRESS} until its tasks are done again:
 * stopping never fails a job.
 */
public enum JobStatus {
    /** Stored and announced; the planner has not split it yet. */
    ACCEPTED,
    /** Split into tasks that workers are running. */
    IN_PROGRESS,
    /** Every task done; the manifest is final. */
    COMPLETED,
    /** A task failed for good; the status answers with the reason. */
    FAILED,
    /** Deleted by its client; answers 404 from now on. */
    CANCELLED,
    /** Finished longer ago than files are kept; its files are purged and it answers 404. */
    EXPIRED;

    private Set<JobStatus> next() {
        return switch (this) {
            case ACCEPTED -> EnumSet.of(IN_PROGRESS, COMPLETED, FAILED, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(COMPLETED, FAILED, CANCELLED);
            case COMPLETED, FAILED -> EnumSet.of(CANCELLED, EXPIRED);
            case CANCELLED, EXPIRED -> EnumSet.noneOf(JobStatus.class);
        };
    }

    public boolean canMoveTo(JobStatus target) {
        return next().contains(target);
    }

    /** Deleted or expired: it answers 404, as if it never existed. */
    public boolean isGone() {
        return this == CANCELLED || this == EXPIRED;
    }

    public boolean isRunning() {
        return this == ACCEPTED || this == IN_PROGRESS;
    }
}

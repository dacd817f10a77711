package org.openpayer.bulkexport.export.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who plans a job. A planner holds the job's lease while it makes progress (every batch it stores renews it); when its
 * instance is lost mid-way, Kafka hands the export request to another planner, which takes the lease over once it has
 * gone stale and resumes after the batches already stored. A planner that loses the lease (it stalled longer than
 * {@link #STALE_AFTER}) stops at its next step, so two planners never store batches of one job. Every method runs
 * in the caller's transaction, which must hold the job's row lock.
 */
final class PlanningLease {

    /** Far longer than storing one batch takes; short enough that a lost planner delays its job only briefly. */
    static final Duration STALE_AFTER = Duration.ofSeconds(20);

    private PlanningLease() {
    }

    /** What a planner asking for a job's lease is told. */
    sealed interface Claim {
        /** Plan from {@code start} on; the tasks a lost planner stored but perhaps never published come along. */
        record Granted(PlanningStart start, List<ExportTask> unconfirmedTasks) implements Claim {
        }

        /** Another planner holds a fresh lease: ask again after the wait. */
        record Held(Duration retryIn) implements Claim {
        }

        /** Nothing to plan: planned already, finished, or cancelled. */
        record Nothing() implements Claim {
        }
    }

    /**
     * Where planning starts: at the beginning, or after what a lost planner stored.
     *
     * @param batchesStored    member batches stored (numbered from 1)
     * @param tasksStored      tasks stored (numbered from 1)
     * @param afterPatient     the last patient of the last batch stored, "" at the beginning
     * @param wholeTypesStored whether the tasks of the types outside the compartment (batch 0) are stored
     */
    record PlanningStart(int batchesStored, int tasksStored, String afterPatient, boolean wholeTypesStored) {
        static final PlanningStart BEGINNING = new PlanningStart(0, 0, "", false);

        boolean resumed() {
            return tasksStored > 0;
        }
    }

    /** The lease of a job in planning (a job just accepted has no planner yet, so its lease is free). */
    static Claim claim(ExportJob job, String plannerId) {
        Instant now = Instant.now();
        if (job.status != JobStatus.IN_PROGRESS || job.taskCount != null) {
            return new Claim.Nothing();
        }
        if (plannerId.equals(job.plannerId)) {
            return new Claim.Granted(storedSoFar(job.id), List.of());
        }
        Instant stale = job.plannerSeenAt == null ? now : job.plannerSeenAt.plus(STALE_AFTER);
        if (stale.isAfter(now)) {
            return new Claim.Held(Duration.between(now, stale));
        }
        boolean takingOver = job.plannerId != null;
        hold(job, plannerId, now);
        return new Claim.Granted(takingOver ? storedSoFar(job.id) : PlanningStart.BEGINNING, takingOver
                ? ExportTask.list("key.jobId = ?1 and status = ?2", job.id, TaskStatus.PLANNED) : List.of());
    }

    /** Renews the lease; false when another planner has taken it over, so this one must stop. */
    static boolean renew(ExportJob job, String plannerId) {
        if (!plannerId.equals(job.plannerId)) {
            return false;
        }
        job.plannerSeenAt = Instant.now();
        return true;
    }

    private static void hold(ExportJob job, String plannerId, Instant now) {
        job.plannerId = plannerId;
        job.plannerSeenAt = now;
        job.updatedAt = now;
    }

    private static PlanningStart storedSoFar(UUID jobId) {
        Object[] stored = (Object[]) ExportJob.getEntityManager().createNativeQuery("""
                        select coalesce((select max(b.batch_seq) from export.export_batch b where b.job_id = ?1), 0),
                          coalesce((select max(t.seq) from export.export_task t where t.job_id = ?1), 0),
                          coalesce((select max(p) from export.export_batch b, unnest(b.patient_ids) p
                            where b.job_id = ?1 and b.batch_seq = (select max(batch_seq)
                              from export.export_batch where job_id = ?1 and batch_seq > 0)), ''),
                          exists (select 1 from export.export_batch b where b.job_id = ?1 and b.batch_seq = 0)""")
                .setParameter(1, jobId).getSingleResult();
        return new PlanningStart(((Number) stored[0]).intValue(), ((Number) stored[1]).intValue(),
                (String) stored[2], (Boolean) stored[3]);
    }
}

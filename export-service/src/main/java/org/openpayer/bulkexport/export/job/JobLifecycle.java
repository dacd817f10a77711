package org.openpayer.bulkexport.export.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.openpayer.bulkexport.model.event.ExportCompleted;
import org.openpayer.bulkexport.model.event.ExportTaskCompleted;
import org.openpayer.bulkexport.model.event.ExportTaskFailed;
import org.openpayer.bulkexport.model.event.ExportTaskPlanned;
import org.openpayer.bulkexport.model.event.WrittenFile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The owner of job state, with its two helpers for planning ({@link JobPlanningSteps}) and supervision
 * ({@link JobSupervisionSteps}): every change of a job's status, progress and files goes through one of them, each in
 * a transaction holding the job's row lock, so concurrent coordinators, planners and supervisors (several instances)
 * serialize per job. Here: kick-off, polls, task reports, cancellation, and the broker's acknowledgements. Task
 * reports are idempotent: a redelivered report of a task already recorded changes nothing.
 */
@ApplicationScoped
public class JobLifecycle {

    /** What recording a task report did to its job, for the coordinator to act on. */
    public sealed interface Change {
        /** Nothing for anyone else to do. */
        record None() implements Change {
        }

        /** The job just completed. */
        record Completed(ExportCompleted event) implements Change {
        }

        /** The report belongs to a job deleted meanwhile: its files must go too. */
        record ReportForCancelledJob(UUID jobId) implements Change {
        }

        /** The job made room on the work queue: these of its waiting tasks are to be published. */
        record Released(List<ExportTaskPlanned> tasks) implements Change {
        }
    }

    private final TaskWindow window;

    public JobLifecycle(TaskWindow window) {
        this.window = window;
    }

    /**
     * Stores a new job, unless its client already has {@code maxRunning} jobs running: then empty. The count is taken
     * under a per-client lock, so two kick-offs at once cannot both pass.
     */
    @Transactional
    public Optional<ExportJob> accept(ExportJob job, int maxRunning) {
        ExportJob.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "export-client:" + job.clientId).getSingleResult();
        long running = ExportJob.count("clientId = ?1 and status in ?2", job.clientId,
                List.of(JobStatus.ACCEPTED, JobStatus.IN_PROGRESS));
        if (running >= maxRunning) {
            return Optional.empty();
        }
        job.status = JobStatus.ACCEPTED;
        job.createdAt = Instant.now();
        job.updatedAt = job.createdAt;
        job.persist();
        return Optional.of(job);
    }

    /**
     * Records a status request of a running job; false when it comes sooner than {@code minInterval} after the
     * previous one. One conditional update on the database clock, so concurrent polls through several instances are
     * counted once.
     */
    @Transactional
    public boolean recordPoll(UUID jobId, Duration minInterval) {
        int updated = ExportJob.getEntityManager().createNativeQuery("""
                        update export.export_job set last_polled_at = clock_timestamp()
                        where id = ?1 and (last_polled_at is null
                          or last_polled_at <= clock_timestamp() - ?2 * interval '1 millisecond')""")
                .setParameter(1, jobId).setParameter(2, minInterval.toMillis()).executeUpdate();
        return updated == 1;
    }

    @Transactional
    public Change recordCompletion(ExportTaskCompleted report) {
        ExportJob job = ExportJob.lock(report.jobId());
        if (job == null) {
            return new Change.None();
        }
        if (job.status == JobStatus.CANCELLED) {
            return new Change.ReportForCancelledJob(job.id);
        }
        ExportTask task = ExportTask.findById(new ExportTask.Key(report.jobId(), report.taskSeq()));
        if (!job.status.isRunning() || task == null || task.status != TaskStatus.PLANNED) {
            return new Change.None();
        }
        task.status = TaskStatus.COMPLETED;
        task.workerId = report.workerId();
        task.updatedAt = Instant.now();
        for (WrittenFile written : report.files()) {
            ExportFile.of(job.id, report.taskSeq(), written).persist();
        }
        job.tasksDone++;
        job.updatedAt = Instant.now();
        return job.allTasksDone() ? new Change.Completed(job.complete()) : new Change.Released(window.release(job));
    }

    /** A task that failed fails its job, with a reason the status endpoint reports. */
    @Transactional
    public Change recordFailure(ExportTaskFailed report) {
        ExportJob job = ExportJob.lock(report.jobId());
        if (job == null || !job.status.isRunning()) {
            return new Change.None();
        }
        ExportTask task = ExportTask.findById(new ExportTask.Key(report.jobId(), report.taskSeq()));
        if (task != null && task.status == TaskStatus.PLANNED) {
            task.status = TaskStatus.FAILED;
            task.workerId = report.workerId();
            task.failureReason = report.reason();
            task.updatedAt = Instant.now();
        }
        job.fail("Export task " + report.taskSeq()
                + (task == null ? "" : " (" + task.resourceType + ")") + " failed: " + report.reason());
        return new Change.None();
    }

    /** Fails a running job that cannot be done at all, with a reason fit for the client. */
    @Transactional
    public void fail(UUID jobId, String reason) {
        ExportJob job = ExportJob.lock(jobId);
        if (job != null && job.status.isRunning()) {
            job.fail(reason);
        }
    }

    /** The client deletes its job: running or finished, it answers 404 from now on. False if it has none such. */
    @Transactional
    public boolean cancel(UUID jobId, String clientId) {
        ExportJob job = ExportJob.lock(jobId);
        if (job == null || !job.clientId.equals(clientId) || job.status.isGone()) {
            return false;
        }
        job.moveTo(JobStatus.CANCELLED);
        return true;
    }

    /**
     * The broker acknowledged these tasks' publication: the supervisor need not send them again. One statement; a
     * task reported or sent again meanwhile is left as it is.
     */
    @Transactional
    public void confirmSent(List<ExportTaskPlanned> tasks) {
        Map<UUID, List<Integer>> seqsByJob = tasks.stream().collect(Collectors.groupingBy(ExportTaskPlanned::jobId,
                Collectors.mapping(ExportTaskPlanned::taskSeq, Collectors.toList())));
        seqsByJob.forEach((jobId, seqs) -> ExportTask.getEntityManager().createNativeQuery("""
                        update export.export_task set published_at = clock_timestamp()
                        where job_id = ?1 and seq = any(?2) and status = 'PLANNED' and published_at is null""")
                .setParameter(1, jobId).setParameter(2, seqs.toArray(Integer[]::new)).executeUpdate());
    }

    /** The broker acknowledged the job's export-completed event: the supervisor need not announce it again. */
    @Transactional
    public void confirmAnnounced(UUID jobId) {
        ExportJob.update("announcedAt = ?1 where id = ?2 and announcedAt is null", Instant.now(), jobId);
    }
}

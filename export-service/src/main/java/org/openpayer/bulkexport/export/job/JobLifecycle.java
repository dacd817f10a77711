package org.openpayer.bulkexport.export.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.openpayer.bulkexport.model.event.ExportCompleted;
import org.openpayer.bulkexport.model.event.ExportTaskCompleted;
import org.openpayer.bulkexport.model.event.ExportTaskFailed;
import org.openpayer.bulkexport.model.event.ExportTaskPlanned;
import org.openpayer.bulkexport.model.event.WrittenFile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one owner of job state: every change of a job's status, progress and files goes through here, each in a
 * transaction holding the job's row lock, so concurrent coordinators and planners (several instances) serialize per
 * job. Task reports are idempotent: a redelivered report of a task already recorded changes nothing.
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

    /**
     * A planner asks to plan the job: granted for an accepted job, or for one whose planner was lost (the lease went
     * stale), then resuming after what that planner stored; see {@link PlanningLease}.
     */
    @Transactional
    public PlanningLease.Claim claimPlanning(UUID jobId, String plannerId) {
        ExportJob job = lock(jobId);
        if (job == null) {
            return new PlanningLease.Claim.Nothing();
        }
        if (job.status == JobStatus.ACCEPTED) {
            moveTo(job, JobStatus.IN_PROGRESS);
        }
        return PlanningLease.claim(job, plannerId);
    }

    /**
     * Tasks a lost planner stored and released but perhaps never published, as events to publish again (marked as
     * just sent, for the supervisor's clock); publishing a task twice only rewrites its own files.
     */
    @Transactional
    public List<ExportTaskPlanned> republish(UUID jobId, List<ExportTask> tasks) {
        ExportJob job = ExportJob.findById(jobId);
        List<ExportTaskPlanned> events = new ArrayList<>();
        for (ExportTask stored : tasks) {
            ExportTask task = ExportTask.findById(stored.key);
            if (job == null || task == null || task.status != TaskStatus.PLANNED) {
                continue;
            }
            task.updatedAt = Instant.now();
            events.add(TaskEvents.republished(job, task,
                    ExportBatch.findById(new ExportBatch.Key(jobId, task.batchSeq))));
        }
        return events;
    }

    /** The patients a client named that no stored batch of the job holds: not members, nothing of theirs exported. */
    @Transactional
    public List<String> namedButNotPlanned(UUID jobId, List<String> named) {
        if (named == null || named.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<String> missing = ExportJob.getEntityManager().createNativeQuery(
                        "select n.p from unnest(cast(?1 as text[])) with ordinality as n(p, i)"
                                + " where not exists (select 1 from export.export_batch b"
                                + " where b.job_id = ?2 and b.batch_seq > 0 and n.p = any(b.patient_ids))"
                                + " order by n.i")
                .setParameter(1, named.toArray(String[]::new)).setParameter(2, jobId).getResultList();
        return missing;
    }

    /**
     * Records planned tasks of one batch of patients, waiting their turn ({@link TaskWindow}); returns those of the
     * job's waiting tasks that are to be published now, or empty when the job stopped running meanwhile or another
     * planner took it over, so this planning stops.
     */
    @Transactional
    public Optional<List<ExportTaskPlanned>> addTasks(UUID jobId, String plannerId, int batchSeq,
                                                      List<String> patients, List<ExportTaskPlanned> tasks) {
        ExportJob job = lock(jobId);
        if (job == null || !job.status.isRunning() || !PlanningLease.renew(job, plannerId)) {
            return Optional.empty();
        }
        if (tasks.isEmpty()) {
            return Optional.of(List.of());
        }
        ExportBatch batch = new ExportBatch();
        batch.key = new ExportBatch.Key(jobId, batchSeq);
        batch.patientIds = patients.toArray(String[]::new);
        batch.persist();
        for (ExportTaskPlanned planned : tasks) {
            ExportTask task = new ExportTask();
            task.key = new ExportTask.Key(jobId, planned.taskSeq());
            task.resourceType = planned.resourceType();
            task.patientCount = planned.patientIds().size();
            task.batchSeq = batchSeq;
            task.groupId = planned.groupId();
            task.status = TaskStatus.WAITING;
            task.updatedAt = Instant.now();
            task.persist();
        }
        job.updatedAt = Instant.now();
        return Optional.of(window.release(job));
    }

    /**
     * Records the job's own error file (task 0), written while planning; false when the job stopped running meanwhile.
     * Recording it again (a redelivered request) changes nothing.
     */
    @Transactional
    public boolean addJobErrorFile(UUID jobId, WrittenFile errors) {
        ExportJob job = lock(jobId);
        if (job == null || !job.status.isRunning()) {
            return false;
        }
        if (ExportFile.findById(new ExportFile.Key(jobId, errors.fileName())) == null) {
            ExportFile.of(jobId, 0, errors).persist();
        }
        return true;
    }

    /**
     * Fixes the task count; a job with no tasks (an empty Group), or whose tasks all finished already, completes.
     * Nothing changes for a planner that lost the job's lease.
     */
    @Transactional
    public Change finishPlanning(UUID jobId, String plannerId, int taskCount) {
        ExportJob job = lock(jobId);
        if (job == null || !job.status.isRunning() || !PlanningLease.renew(job, plannerId)) {
            return new Change.None();
        }
        job.taskCount = taskCount;
        job.updatedAt = Instant.now();
        return job.allTasksDone() ? complete(job) : new Change.None();
    }

    @Transactional
    public Change recordCompletion(ExportTaskCompleted report) {
        ExportJob job = lock(report.jobId());
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
        return job.allTasksDone() ? complete(job) : new Change.Released(window.release(job));
    }

    /** A task that failed fails its job, with a reason the status endpoint reports. */
    @Transactional
    public Change recordFailure(ExportTaskFailed report) {
        ExportJob job = lock(report.jobId());
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
        failJob(job, "Export task " + report.taskSeq()
                + (task == null ? "" : " (" + task.resourceType + ")") + " failed: " + report.reason());
        return new Change.None();
    }

    /** Fails a running job that cannot be done at all, with a reason fit for the client. */
    @Transactional
    public void fail(UUID jobId, String reason) {
        ExportJob job = lock(jobId);
        if (job != null && job.status.isRunning()) {
            failJob(job, reason);
        }
    }

    /** The client deletes its job: running or finished, it answers 404 from now on. False if it has none such. */
    @Transactional
    public boolean cancel(UUID jobId, String clientId) {
        ExportJob job = lock(jobId);
        if (job == null || !job.clientId.equals(clientId) || job.status.isGone()) {
            return false;
        }
        moveTo(job, JobStatus.CANCELLED);
        return true;
    }

    /**
     * Tasks unreported for longer than {@code timeout}, doubled with every attempt (backoff), as events to publish
     * again: same task number and patients, so a late first run and the new one write the same files and the second
     * report changes nothing. A task past {@code maxAttempts} fails its job instead.
     */
    @Transactional
    public List<ExportTaskPlanned> retryStuckTasks(Duration timeout, int maxAttempts, int limit) {
        List<ExportTask> candidates = ExportTask.find("status = ?1 and updatedAt < ?2 order by updatedAt",
                TaskStatus.PLANNED, Instant.now().minus(timeout)).page(0, limit).list();
        List<ExportTaskPlanned> retries = new ArrayList<>();
        for (ExportTask candidate : candidates) {
            ExportJob job = lock(candidate.key.jobId());
            ExportTask task = ExportTask.findById(candidate.key);
            Duration backoff = timeout.multipliedBy(1L << Math.min(task.attempts, 16));
            if (job == null || !job.status.isRunning() || task.status != TaskStatus.PLANNED
                    || task.updatedAt.isAfter(Instant.now().minus(backoff))) {
                continue;
            }
            if (task.attempts >= maxAttempts) {
                failJob(job, "Export task " + task.key.seq() + " (" + task.resourceType + ") did not finish after "
                        + (task.attempts + 1) + " attempts.");
                continue;
            }
            task.attempts++;
            task.updatedAt = Instant.now();
            retries.add(TaskEvents.republished(job, task,
                    ExportBatch.findById(new ExportBatch.Key(job.id, task.batchSeq))));
        }
        return retries;
    }

    /** Fails jobs still running {@code timeout} after they were accepted: no job runs forever. */
    @Transactional
    public int failOverdueJobs(Duration timeout, int limit) {
        List<ExportJob> overdue = ExportJob.find("status in ?1 and createdAt < ?2",
                List.of(JobStatus.ACCEPTED, JobStatus.IN_PROGRESS), Instant.now().minus(timeout)).page(0, limit).list();
        int failed = 0;
        for (ExportJob candidate : overdue) {
            ExportJob job = lock(candidate.id);
            if (job != null && job.status.isRunning()) {
                failJob(job, "The export did not finish within " + timeout.toHours() + " hours; start it again, "
                        + "perhaps with fewer types or patients.");
                failed++;
            }
        }
        return failed;
    }

    /**
     * Fails jobs whose planning stopped: accepted but never taken up by a planner, or taken up and unchanged for
     * {@code timeout} before their last batch was planned (the planner's instance was lost; a planning job changes with
     * every batch stored and every task reported). Planning does not resume, as a second planner could then race the
     * first; the client is told to start again, well before the job timeout would end it.
     */
    @Transactional
    public int failStalledPlanning(Duration timeout, int limit) {
        Instant stalledBefore = Instant.now().minus(timeout);
        List<ExportJob> stalled = ExportJob.find(
                "(status = ?1 or (status = ?2 and taskCount is null)) and updatedAt < ?3",
                JobStatus.ACCEPTED, JobStatus.IN_PROGRESS, stalledBefore).page(0, limit).list();
        int failed = 0;
        for (ExportJob candidate : stalled) {
            ExportJob job = lock(candidate.id);
            if (job != null && job.status.isRunning() && job.taskCount == null
                    && job.updatedAt.isBefore(stalledBefore)) {
                failJob(job, "Planning the export stopped before it finished (a service instance was lost); "
                        + "start the export again.");
                failed++;
            }
        }
        return failed;
    }

    /** Finished jobs whose files are past their retention: their files are to be purged. */
    @Transactional
    public List<UUID> expiredJobs(Duration retention, int limit) {
        return ExportJob.<ExportJob>find("status in ?1 and completedAt < ?2",
                        List.of(JobStatus.COMPLETED, JobStatus.FAILED), Instant.now().minus(retention))
                .page(0, limit).list().stream().map(job -> job.id).toList();
    }

    /** After its files were purged: the job answers 404 from now on. */
    @Transactional
    public void markExpired(UUID jobId) {
        ExportJob job = lock(jobId);
        if (job != null && job.status.canMoveTo(JobStatus.EXPIRED)) {
            moveTo(job, JobStatus.EXPIRED);
        }
    }

    private static void failJob(ExportJob job, String reason) {
        job.failureReason = reason;
        moveTo(job, JobStatus.FAILED);
        job.completedAt = job.updatedAt;
    }

    private Change complete(ExportJob job) {
        moveTo(job, JobStatus.COMPLETED);
        job.completedAt = job.updatedAt;
        List<ExportFile> files = ExportFile.list("key.jobId", job.id);
        long resources = files.stream().mapToLong(file -> file.resourceCount).sum();
        return new Change.Completed(
                new ExportCompleted(job.id, job.completedAt, job.clientId, files.size(), resources, request(job)));
    }

    /** What the job exported, for consumers that account for it per member (PDex provider-download bookkeeping). */
    private static ExportCompleted.Request request(ExportJob job) {
        return new ExportCompleted.Request(job.level, job.groupId, job.exportType, job.transactionTime, job.since,
                job.until, job.patients == null ? null : List.of(job.patients), job.typeParameter,
                job.typeFilterParameter);
    }

    private static ExportJob lock(UUID jobId) {
        return ExportJob.findById(jobId, LockModeType.PESSIMISTIC_WRITE);
    }

    private static void moveTo(ExportJob job, JobStatus target) {
        if (!job.status.canMoveTo(target)) {
            throw new IllegalStateException("export job " + job.id + " cannot go from " + job.status + " to " + target);
        }
        job.status = target;
        job.updatedAt = Instant.now();
    }
}

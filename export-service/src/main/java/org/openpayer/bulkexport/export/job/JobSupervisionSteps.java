package org.openpayer.bulkexport.export.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.openpayer.bulkexport.model.event.ExportCompleted;
import org.openpayer.bulkexport.model.event.ExportTaskPlanned;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What supervision changes in jobs ({@link JobSupervisor}): each step takes at most {@code limit} rows, in one
 * transaction that locks each job's row before changing it, so every instance may run it at once.
 */
@ApplicationScoped
class JobSupervisionSteps {

    /**
     * Tasks unreported for longer than {@code timeout}, doubled with every attempt (backoff), as events to send again:
     * same task number and patients, so a late first run and the new one write the same files and the second report
     * changes nothing. A task past {@code maxAttempts} fails its job instead.
     */
    @Transactional
    List<ExportTaskPlanned> retryStuckTasks(Duration timeout, int maxAttempts, int limit) {
        List<ExportTask> candidates = ExportTask.find("status = ?1 and updatedAt < ?2 order by updatedAt",
                TaskStatus.PLANNED, Instant.now().minus(timeout)).page(0, limit).list();
        List<ExportTaskPlanned> retries = new ArrayList<>();
        for (ExportTask candidate : candidates) {
            ExportJob job = ExportJob.lock(candidate.key.jobId());
            ExportTask task = ExportTask.findById(candidate.key);
            Duration backoff = timeout.multipliedBy(1L << Math.min(task.attempts, 16));
            if (job == null || !job.status.isRunning() || task.status != TaskStatus.PLANNED
                    || task.updatedAt.isAfter(Instant.now().minus(backoff))) {
                continue;
            }
            if (task.attempts >= maxAttempts) {
                job.fail("Export task " + task.key.seq() + " (" + task.resourceType + ") did not finish after "
                        + (task.attempts + 1) + " attempts.");
                continue;
            }
            task.attempts++;
            task.toBeSent();
            retries.add(TaskEvents.republished(job, task,
                    ExportBatch.findById(new ExportBatch.Key(job.id, task.batchSeq))));
        }
        return retries;
    }

    /**
     * Tasks to be sent for longer than {@code grace} whose publication the broker never confirmed: the instance that
     * was to send them was lost after releasing them. As events to send again, at once; not a retry, as no worker has
     * had them.
     */
    @Transactional
    List<ExportTaskPlanned> unconfirmedTasks(Duration grace, int limit) {
        List<ExportTask> candidates = ExportTask.find(
                "status = ?1 and publishedAt is null and updatedAt < ?2 order by updatedAt",
                TaskStatus.PLANNED, Instant.now().minus(grace)).page(0, limit).list();
        List<ExportTaskPlanned> unsent = new ArrayList<>();
        for (ExportTask candidate : candidates) {
            ExportJob job = ExportJob.lock(candidate.key.jobId());
            ExportTask task = ExportTask.findById(candidate.key);
            if (job == null || !job.status.isRunning() || task.status != TaskStatus.PLANNED
                    || task.publishedAt != null || task.updatedAt.isAfter(Instant.now().minus(grace))) {
                continue;
            }
            task.toBeSent();
            unsent.add(TaskEvents.republished(job, task,
                    ExportBatch.findById(new ExportBatch.Key(job.id, task.batchSeq))));
        }
        return unsent;
    }

    /**
     * Announcements of jobs completed more than {@code grace} ago that the broker never confirmed, as events to send
     * again; consumers of export-completed handle a repeated one as the first. Jobs past {@code retention} are gone
     * for their clients, so not announced any more.
     */
    @Transactional
    List<ExportCompleted> unconfirmedCompletions(Duration grace, Duration retention, int limit) {
        Instant now = Instant.now();
        return ExportJob.<ExportJob>find(
                        "status = ?1 and announcedAt is null and completedAt < ?2 and completedAt > ?3",
                        JobStatus.COMPLETED, now.minus(grace), now.minus(retention))
                .page(0, limit).list().stream().map(ExportJob::announcement).toList();
    }

    /** Fails jobs still running {@code timeout} after they were accepted: no job runs forever. */
    @Transactional
    int failOverdueJobs(Duration timeout, int limit) {
        List<ExportJob> overdue = ExportJob.find("status in ?1 and createdAt < ?2",
                List.of(JobStatus.ACCEPTED, JobStatus.IN_PROGRESS), Instant.now().minus(timeout)).page(0, limit).list();
        int failed = 0;
        for (ExportJob candidate : overdue) {
            ExportJob job = ExportJob.lock(candidate.id);
            if (job != null && job.status.isRunning()) {
                job.fail("The export did not finish within " + timeout.toHours() + " hours; start it again, "
                        + "perhaps with fewer types or patients.");
                failed++;
            }
        }
        return failed;
    }

    /**
     * Fails jobs whose planning stopped: accepted but never taken up by a planner, or taken up and unchanged for
     * {@code timeout} before their last batch was planned (a planning job changes with every batch stored and every
     * task reported, and another planner takes over a lost one's lease within seconds). The client is told to start
     * again, well before the job timeout would end it.
     */
    @Transactional
    int failStalledPlanning(Duration timeout, int limit) {
        Instant stalledBefore = Instant.now().minus(timeout);
        List<ExportJob> stalled = ExportJob.find(
                "(status = ?1 or (status = ?2 and taskCount is null)) and updatedAt < ?3",
                JobStatus.ACCEPTED, JobStatus.IN_PROGRESS, stalledBefore).page(0, limit).list();
        int failed = 0;
        for (ExportJob candidate : stalled) {
            ExportJob job = ExportJob.lock(candidate.id);
            if (job != null && job.status.isRunning() && job.taskCount == null
                    && job.updatedAt.isBefore(stalledBefore)) {
                job.fail("Planning the export stopped before it finished (a service instance was lost); "
                        + "start the export again.");
                failed++;
            }
        }
        return failed;
    }

    /** Finished jobs whose files are past their retention: their files are to be purged. */
    @Transactional
    List<UUID> expiredJobs(Duration retention, int limit) {
        return ExportJob.<ExportJob>find("status in ?1 and completedAt < ?2",
                        List.of(JobStatus.COMPLETED, JobStatus.FAILED), Instant.now().minus(retention))
                .page(0, limit).list().stream().map(job -> job.id).toList();
    }

    /** After its files were purged: the job answers 404 from now on. */
    @Transactional
    void markExpired(UUID jobId) {
        ExportJob job = ExportJob.lock(jobId);
        if (job != null && job.status.canMoveTo(JobStatus.EXPIRED)) {
            job.moveTo(JobStatus.EXPIRED);
        }
    }
}

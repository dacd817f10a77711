package org.openpayer.bulkexport.export.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.openpayer.bulkexport.model.event.ExportTaskPlanned;
import org.openpayer.bulkexport.model.event.WrittenFile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What planning changes in a job, step by step ({@link ExportPlanner}): each step is one transaction holding the job's
 * row lock, and each checks the planner still holds the job's {@link PlanningLease}, so a planner that lost it stops.
 */
@ApplicationScoped
class JobPlanningSteps {

    private final TaskWindow window;

    JobPlanningSteps(TaskWindow window) {
        this.window = window;
    }

    /**
     * A planner asks to plan the job: granted for an accepted job, or for one whose planner was lost (the lease went
     * stale), then resuming after what that planner stored; see {@link PlanningLease}.
     */
    @Transactional
    PlanningLease.Claim claimPlanning(UUID jobId, String plannerId) {
        ExportJob job = ExportJob.lock(jobId);
        if (job == null) {
            return new PlanningLease.Claim.Nothing();
        }
        if (job.status == JobStatus.ACCEPTED) {
            job.moveTo(JobStatus.IN_PROGRESS);
        }
        return PlanningLease.claim(job, plannerId);
    }

    /**
     * Tasks a lost planner stored and released but perhaps never published, as events to send again; publishing a
     * task twice only rewrites its own files.
     */
    @Transactional
    List<ExportTaskPlanned> republish(UUID jobId, List<ExportTask> tasks) {
        ExportJob job = ExportJob.lock(jobId);
        List<ExportTaskPlanned> events = new ArrayList<>();
        for (ExportTask stored : tasks) {
            ExportTask task = ExportTask.findById(stored.key);
            if (job == null || task == null || task.status != TaskStatus.PLANNED) {
                continue;
            }
            task.toBeSent();
            events.add(TaskEvents.republished(job, task,
                    ExportBatch.findById(new ExportBatch.Key(jobId, task.batchSeq))));
        }
        return events;
    }

    /** The patients a client named that no stored batch of the job holds: not members, nothing of theirs exported. */
    @Transactional
    List<String> namedButNotPlanned(UUID jobId, List<String> named) {
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
    Optional<List<ExportTaskPlanned>> addTasks(UUID jobId, String plannerId, int batchSeq, List<String> patients,
                                               List<ExportTaskPlanned> tasks) {
        ExportJob job = ExportJob.lock(jobId);
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
    boolean addJobErrorFile(UUID jobId, WrittenFile errors) {
        ExportJob job = ExportJob.lock(jobId);
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
    JobLifecycle.Change finishPlanning(UUID jobId, String plannerId, int taskCount) {
        ExportJob job = ExportJob.lock(jobId);
        if (job == null || !job.status.isRunning() || !PlanningLease.renew(job, plannerId)) {
            return new JobLifecycle.Change.None();
        }
        job.taskCount = taskCount;
        job.updatedAt = Instant.now();
        return job.allTasksDone() ? new JobLifecycle.Change.Completed(job.complete()) : new JobLifecycle.Change.None();
    }
}

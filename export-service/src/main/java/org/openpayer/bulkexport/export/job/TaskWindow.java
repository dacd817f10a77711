package org.openpayer.bulkexport.export.job;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.export.config.ExportConfig;
import org.openpayer.bulkexport.model.event.ExportTaskPlanned;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fair sharing of the workers between jobs. Kafka's partitions are queues: a job that published all its tasks at once
 * (a million members make some twenty thousand) would hold every job started after it until it is done. So a job
 * has at most {@code export.max-queued-tasks-per-job} tasks published and unfinished at a time; the rest wait in the
 * database, in task order, and go out one for one as its tasks finish. A new job's tasks then queue behind at most
 * that many tasks of each running job, whatever their size.
 */
@ApplicationScoped
class TaskWindow {

    private final int maxQueued;

    TaskWindow(ExportConfig config) {
        this.maxQueued = config.maxQueuedTasksPerJob();
    }

    /**
     * Moves as many of the job's waiting tasks as its window has room for to {@link TaskStatus#PLANNED}, lowest
     * number first, and returns them as the events to publish once the transaction commits. Runs in the caller's
     * transaction, which must hold the job's row lock, so two reports of one job never release the same room twice.
     */
    List<ExportTaskPlanned> release(ExportJob job) {
        long queued = ExportTask.count("key.jobId = ?1 and status = ?2", job.id, TaskStatus.PLANNED);
        int room = (int) Math.max(0, maxQueued - queued);
        if (room == 0) {
            return List.of();
        }
        List<ExportTask> next = ExportTask.<ExportTask>find("key.jobId = ?1 and status = ?2 order by key.seq",
                job.id, TaskStatus.WAITING).page(0, room).list();
        Map<Integer, ExportBatch> batches = new HashMap<>();
        List<ExportTaskPlanned> released = new ArrayList<>(next.size());
        for (ExportTask task : next) {
            task.toBeSent();
            ExportBatch batch = batches.computeIfAbsent(task.batchSeq,
                    seq -> ExportBatch.findById(new ExportBatch.Key(job.id, seq)));
            released.add(TaskEvents.republished(job, task, batch));
        }
        return released;
    }
}

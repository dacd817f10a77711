package org.openpayer.bulkexport.export.job;

import io.minio.errors.MinioException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.openpayer.bulkexport.export.config.ExportConfig;
import org.openpayer.bulkexport.export.storage.ExportStorage;
import org.openpayer.bulkexport.model.event.ExportTaskPlanned;
import org.openpayer.bulkexport.model.storage.ExportFileNames;

import java.util.List;
import java.util.UUID;

/**
 * Keeps jobs moving and storage clean, on every instance and safely so (each change is made under the job's row lock
 * by {@link JobLifecycle}, and every step is idempotent):
 * <ul>
 *   <li>a task unreported for longer than {@code export.task-timeout} (a worker that hung, a report lost) is
 *   published again, waiting twice as long after each attempt, and fails its job after {@code export.task-retries};
 *   </li>
 *   <li>a job still running {@code export.job-timeout} after kick-off fails with a reason the client can read;</li>
 *   <li>a job whose planning made no progress for {@code export.task-timeout} (never taken up, or its planner lost)
 *   fails, telling the client to start again;</li>
 *   <li>a finished job past {@code export.file-retention} has its files purged, then answers 404.</li>
 * </ul>
 * A worker that dies mid-task needs none of this: its task's offset was never committed, so Kafka hands the task to
 * another worker of the group.
 */
@ApplicationScoped
public class JobSupervisor {

    private static final Logger LOG = Logger.getLogger(JobSupervisor.class);
    /** Rows handled per step and round; the next round takes the rest. */
    private static final int ROUND = 100;

    private final JobLifecycle lifecycle;
    private final JobEventPublisher publisher;
    private final ExportStorage storage;
    private final ExportConfig config;

    public JobSupervisor(JobLifecycle lifecycle, JobEventPublisher publisher, ExportStorage storage,
                         ExportConfig config) {
        this.lifecycle = lifecycle;
        this.publisher = publisher;
        this.storage = storage;
        this.config = config;
    }

    @Scheduled(every = "${export.supervisor-interval:PT30S}", delayed = "${export.supervisor-interval:PT30S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void supervise() throws MinioException {
        List<ExportTaskPlanned> retries = lifecycle.retryStuckTasks(config.taskTimeout(), config.taskRetries(), ROUND);
        if (!retries.isEmpty()) {
            LOG.warnf("publishing %d unreported export tasks again", retries.size());
            publisher.publishTasks(retries);
        }
        int overdue = lifecycle.failOverdueJobs(config.jobTimeout(), ROUND);
        if (overdue > 0) {
            LOG.warnf("failed %d export jobs running longer than %s", overdue, config.jobTimeout());
        }
        int unplanned = lifecycle.failStalledPlanning(config.taskTimeout(), ROUND);
        if (unplanned > 0) {
            LOG.warnf("failed %d export jobs whose planning stopped for %s", unplanned, config.taskTimeout());
        }
        for (UUID expired : lifecycle.expiredJobs(config.fileRetention(), ROUND)) {
            storage.deletePrefix(ExportFileNames.jobPrefix(expired));
            lifecycle.markExpired(expired);
            LOG.infof("purged the files of expired export job %s", expired);
        }
    }
}

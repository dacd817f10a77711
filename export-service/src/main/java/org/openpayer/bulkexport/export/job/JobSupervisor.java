package org.openpayer.bulkexport.export.job;

import io.minio.errors.MinioException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.openpayer.bulkexport.export.config.ExportConfig;
import org.openpayer.bulkexport.export.storage.ExportStorage;
import org.openpayer.bulkexport.model.event.ExportCompleted;
import org.openpayer.bulkexport.model.event.ExportTaskPlanned;
import org.openpayer.bulkexport.model.storage.ExportFileNames;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Keeps jobs moving and storage clean, on every instance and safely so (each change is made under the job's row lock
 * by {@link JobSupervisionSteps}, and every step is idempotent):
 * <ul>
 *   <li>a task released, or a completion announced, whose publication the broker has not confirmed within
 *   {@link #UNCONFIRMED_GRACE} (the instance that was to send it was lost) is sent again;</li>
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
    /**
     * How long a send may take before it counts as lost: far longer than the broker's acknowledgement normally takes,
     * and short, as a job with lost tasks waits for them. Sending again a task whose first send was only slow costs
     * one task's work twice, never its output.
     */
    static final Duration UNCONFIRMED_GRACE = Duration.ofSeconds(10);

    private final JobSupervisionSteps steps;
    private final JobEventPublisher publisher;
    private final ExportStorage storage;
    private final ExportConfig config;

    public JobSupervisor(JobSupervisionSteps steps, JobEventPublisher publisher, ExportStorage storage,
                         ExportConfig config) {
        this.steps = steps;
        this.publisher = publisher;
        this.storage = storage;
        this.config = config;
    }

    @Scheduled(every = "${export.supervisor-interval:PT30S}", delayed = "${export.supervisor-interval:PT30S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void supervise() throws MinioException {
        List<ExportTaskPlanned> unsent = steps.unconfirmedTasks(UNCONFIRMED_GRACE, ROUND);
        if (!unsent.isEmpty()) {
            LOG.warnf("sending %d released export tasks whose publication was never confirmed", unsent.size());
            publisher.publishTasks(unsent);
        }
        for (ExportCompleted completed : steps.unconfirmedCompletions(UNCONFIRMED_GRACE, config.fileRetention(),
                ROUND)) {
            LOG.warnf("announcing export job %s again: its announcement was never confirmed", completed.jobId());
            publisher.publishCompleted(completed);
        }
        List<ExportTaskPlanned> retries = steps.retryStuckTasks(config.taskTimeout(), config.taskRetries(), ROUND);
        if (!retries.isEmpty()) {
            LOG.warnf("publishing %d unreported export tasks again", retries.size());
            publisher.publishTasks(retries);
        }
        int overdue = steps.failOverdueJobs(config.jobTimeout(), ROUND);
        if (overdue > 0) {
            LOG.warnf("failed %d export jobs running longer than %s", overdue, config.jobTimeout());
        }
        int unplanned = steps.failStalledPlanning(config.taskTimeout(), ROUND);
        if (unplanned > 0) {
            LOG.warnf("failed %d export jobs whose planning stopped for %s", unplanned, config.taskTimeout());
        }
        for (UUID expired : steps.expiredJobs(config.fileRetention(), ROUND)) {
            storage.deletePrefix(ExportFileNames.jobPrefix(expired));
            steps.markExpired(expired);
            LOG.infof("purged the files of expired export job %s", expired);
        }
    }
}

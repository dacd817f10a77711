package org.openpayer.bulkexport.export.worker;

import io.minio.errors.MinioException;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.openpayer.bulkexport.export.config.ExportConfig;
import org.openpayer.bulkexport.model.event.ExportTaskCompleted;
import org.openpayer.bulkexport.model.event.ExportTaskFailed;
import org.openpayer.bulkexport.model.event.ExportTaskPlanned;
import org.openpayer.bulkexport.model.event.WrittenFile;

import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The export worker: a member of the {@code export-workers} consumer group, so every instance takes a share of the
 * task partitions and adding instances adds throughput. Each instance runs up to {@code export.worker-concurrency}
 * tasks at once, in any order: tasks are independent, and each writes nothing but its own files. A task that fails
 * three times in a row is reported with a reason the client may read; a task interrupted by shutdown is not reported
 * at all, so its offset stays uncommitted and Kafka hands it to another worker: stopping a worker pauses work, it
 * never fails a job.
 */
@ApplicationScoped
public class ExportTaskHandler {

    private static final Logger LOG = Logger.getLogger(ExportTaskHandler.class);
    /** Runs of one task on this worker before it is reported failed; waits 1 s, then 2 s, between them. */
    private static final int ATTEMPTS = 3;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    private final TaskExecutor executor;
    private final TaskOutcomePublisher outcomes;
    private final String workerId;
    private volatile boolean shuttingDown;

    public ExportTaskHandler(TaskExecutor executor, TaskOutcomePublisher outcomes, ExportConfig config) {
        this.executor = executor;
        this.outcomes = outcomes;
        this.workerId = config.workerId().orElseGet(() -> ManagementFactory.getRuntimeMXBean().getName());
    }

    void onShutdown(@Observes ShutdownEvent event) {
        shuttingDown = true;
    }

    @Incoming("worker-tasks")
    @Blocking(value = "export-worker", ordered = false)
    public void run(ExportTaskPlanned task) {
        if (task == null) {
            LOG.warn("skipped an unreadable export-task-planned record");
            return;
        }
        List<WrittenFile> files;
        long started = System.nanoTime();
        try {
            files = runWithRetries(task);
        } catch (SQLException | MinioException | RuntimeException e) {
            if (shuttingDown) {
                throw new IllegalStateException("task " + task.partitionKey() + " interrupted by shutdown", e);
            }
            LOG.errorf(e, "export task %s (%s) failed", task.partitionKey(), task.resourceType());
            outcomes.failed(new ExportTaskFailed(task.jobId(), Instant.now(), task.taskSeq(), workerId, reasonFor(e)));
            return;
        }
        LOG.debugf("export task %s (%s): %d files in %d ms", task.partitionKey(), task.resourceType(), files.size(),
                (System.nanoTime() - started) / 1_000_000);
        outcomes.completed(new ExportTaskCompleted(task.jobId(), Instant.now(), task.taskSeq(), workerId, files));
    }

    /**
     * Runs the task, trying again after a failure that may pass (the database or object store briefly away): the
     * task rewrites the same objects each time, so a retry never duplicates output.
     */
    private List<WrittenFile> runWithRetries(ExportTaskPlanned task) throws SQLException, MinioException {
        for (int attempt = 1; ; attempt++) {
            try {
                return executor.run(task);
            } catch (SQLException | MinioException | RuntimeException e) {
                if (shuttingDown || attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("export task %s (%s) failed on attempt %d, trying again: %s", task.partitionKey(),
                        task.resourceType(), attempt, e.toString());
                pause(FIRST_BACKOFF.multipliedBy(1L << (attempt - 1)));
            }
        }
    }

    private static void pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    /** A reason fit for the client's eyes: which part of the system failed, never its internals. */
    private static String reasonFor(Exception e) {
        if (e instanceof SQLException) {
            return "the member data store could not be read";
        }
        if (e instanceof MinioException) {
            return "the export file could not be stored";
        }
        return "an unexpected error stopped the export task";
    }
}

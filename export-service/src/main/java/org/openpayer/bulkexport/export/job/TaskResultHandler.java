package org.openpayer.bulkexport.export.job;

import io.minio.errors.MinioException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.openpayer.bulkexport.export.storage.ExportStorage;
import org.openpayer.bulkexport.model.event.ExportTaskCompleted;
import org.openpayer.bulkexport.model.event.ExportTaskFailed;
import org.openpayer.bulkexport.model.storage.ExportFileNames;

/**
 * The coordinator: turns the workers' task reports into job progress through {@link JobLifecycle}, publishes the
 * waiting tasks each finished task makes room for, announces completed jobs, and removes files that arrive for a job
 * its client has deleted meanwhile.
 */
@ApplicationScoped
public class TaskResultHandler {

    private static final Logger LOG = Logger.getLogger(TaskResultHandler.class);

    private final JobLifecycle lifecycle;
    private final JobEventPublisher publisher;
    private final ExportStorage storage;

    public TaskResultHandler(JobLifecycle lifecycle, JobEventPublisher publisher, ExportStorage storage) {
        this.lifecycle = lifecycle;
        this.publisher = publisher;
        this.storage = storage;
    }

    @Incoming("coordinator-completions")
    @Blocking
    public void completed(ExportTaskCompleted report) throws MinioException {
        if (report == null) {
            LOG.warn("skipped an unreadable export-task-completed record");
            return;
        }
        JobLifecycle.Change change = lifecycle.recordCompletion(report);
        if (change instanceof JobLifecycle.Change.Completed done) {
            publisher.publishCompleted(done.event());
        } else if (change instanceof JobLifecycle.Change.Released released) {
            publisher.publishTasks(released.tasks());
        } else if (change instanceof JobLifecycle.Change.ReportForCancelledJob cancelled) {
            storage.deletePrefix(ExportFileNames.jobPrefix(cancelled.jobId()));
        }
    }

    @Incoming("coordinator-failures")
    @Blocking
    public void failed(ExportTaskFailed report) {
        if (report == null) {
            LOG.warn("skipped an unreadable export-task-failed record");
            return;
        }
        lifecycle.recordFailure(report);
    }
}

package org.openpayer.bulkexport.export.worker;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.openpayer.bulkexport.model.event.ExportTaskCompleted;
import org.openpayer.bulkexport.model.event.ExportTaskFailed;

/**
 * Reports task outcomes to the coordinator, keyed by job so one job's reports stay in order on one partition. Sends
 * wait for the broker, so a task's offset is committed only after its report is safely stored.
 */
@ApplicationScoped
public class TaskOutcomePublisher {

    private final MutinyEmitter<ExportTaskCompleted> completions;
    private final MutinyEmitter<ExportTaskFailed> failures;

    public TaskOutcomePublisher(@Channel("task-completions") MutinyEmitter<ExportTaskCompleted> completions,
                                @Channel("task-failures") MutinyEmitter<ExportTaskFailed> failures) {
        this.completions = completions;
        this.failures = failures;
    }

    void completed(ExportTaskCompleted report) {
        completions.sendMessageAndAwait(KafkaRecord.of(report.jobId().toString(), report));
    }

    void failed(ExportTaskFailed report) {
        failures.sendMessageAndAwait(KafkaRecord.of(report.jobId().toString(), report));
    }
}

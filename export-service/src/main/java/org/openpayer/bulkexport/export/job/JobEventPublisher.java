package org.openpayer.bulkexport.export.job;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.openpayer.bulkexport.model.event.ExportCompleted;
import org.openpayer.bulkexport.model.event.ExportTaskPlanned;

import java.util.List;

/**
 * Publishes what planning and coordination decide: tasks for the workers and completed jobs for payer systems. Each
 * send waits for the broker's acknowledgement, so the Kafka offset that caused it is committed only afterwards.
 */
@ApplicationScoped
public class JobEventPublisher {

    private final MutinyEmitter<ExportTaskPlanned> tasks;
    private final MutinyEmitter<ExportCompleted> completions;

    public JobEventPublisher(@Channel("planned-tasks") MutinyEmitter<ExportTaskPlanned> tasks,
                             @Channel("job-completions") MutinyEmitter<ExportCompleted> completions) {
        this.tasks = tasks;
        this.completions = completions;
    }

    /** Sends all at once and then waits for every acknowledgement: the producer batches them into few requests. */
    public void publishTasks(List<ExportTaskPlanned> planned) {
        if (planned.isEmpty()) {
            return;
        }
        List<Uni<Void>> sends = planned.stream()
                .map(task -> tasks.sendMessage(KafkaRecord.of(task.partitionKey(), task)))
                .toList();
        Uni.join().all(sends).andFailFast().await().indefinitely();
    }

    public void publishCompleted(ExportCompleted completed) {
        completions.sendMessageAndAwait(KafkaRecord.of(completed.jobId().toString(), completed));
    }
}

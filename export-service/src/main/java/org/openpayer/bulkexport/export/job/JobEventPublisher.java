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
 * Publishes what planning, coordination and supervision decide: tasks for the workers and completed jobs for payer
 * systems. Each send waits for the broker's acknowledgement, so the Kafka offset that caused it is committed only
 * afterwards, and then records the acknowledgement: what was decided but never confirmed (its instance was lost in
 * between) the supervisor sends again.
 */
@ApplicationScoped
public class JobEventPublisher {

    private final MutinyEmitter<ExportTaskPlanned> tasks;
    private final MutinyEmitter<ExportCompleted> completions;
    private final JobLifecycle lifecycle;

    public JobEventPublisher(@Channel("planned-tasks") MutinyEmitter<ExportTaskPlanned> tasks,
                             @Channel("job-completions") MutinyEmitter<ExportCompleted> completions,
                             JobLifecycle lifecycle) {
        this.tasks = tasks;
        this.completions = completions;
        this.lifecycle = lifecycle;
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
        lifecycle.confirmSent(planned);
    }

    public void publishCompleted(ExportCompleted completed) {
        completions.sendMessageAndAwait(KafkaRecord.of(completed.jobId().toString(), completed));
        lifecycle.confirmAnnounced(completed.jobId());
    }
}

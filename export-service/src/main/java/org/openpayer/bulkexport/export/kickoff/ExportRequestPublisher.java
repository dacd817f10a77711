package org.openpayer.bulkexport.export.kickoff;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.openpayer.bulkexport.model.event.ExportRequested;

import java.time.Duration;

/** Announces accepted jobs to the planner; the kick-off answers only once the broker has the event. */
@ApplicationScoped
public class ExportRequestPublisher {

    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(10);

    private final MutinyEmitter<ExportRequested> requests;

    public ExportRequestPublisher(@Channel("export-requests") MutinyEmitter<ExportRequested> requests) {
        this.requests = requests;
    }

    void publish(ExportRequested requested) {
        requests.sendMessage(KafkaRecord.of(requested.jobId().toString(), requested))
                .await().atMost(BROKER_TIMEOUT);
    }
}

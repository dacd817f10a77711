package org.openpayer.bulkexport.export.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpayer.bulkexport.export.ExportTestClient.awaitManifest;
import static org.openpayer.bulkexport.export.ExportTestClient.downloadAll;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.export.ExportJobFixture;
import org.openpayer.bulkexport.export.ExportTestResource;
import org.openpayer.bulkexport.export.MemberDataFixture;
import org.openpayer.bulkexport.model.codec.EventSerializer;
import org.openpayer.bulkexport.model.event.ExportLevel;
import org.openpayer.bulkexport.model.event.ExportRequested;
import org.openpayer.bulkexport.model.event.Topic;
import org.openpayer.bulkexport.stack.testing.RealServersResource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A planner lost mid-way: Kafka hands the export request to another planner, which takes over the job's planning
 * lease once it is stale and resumes after the batches already stored, republishing the tasks the lost planner may
 * never have sent. The job completes with every member exactly once.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(ExportTestResource.class)
class PlanningResumeIT {

    private static final String CLIENT = "resumed-clinic";

    @Test
    void requestRedeliveredAfterThePlannerWasLost_resumesAfterTheStoredBatches() throws Exception {
        UUID job = ExportJobFixture.jobLeftByALostPlanner(CLIENT, MemberDataFixture.LARGE_GROUP,
                MemberDataFixture.largeGroupMember(1), Instant.now().minus(Duration.ofMinutes(1)));

        redeliver(new ExportRequested(job, Instant.now(), CLIENT, ExportLevel.GROUP, MemberDataFixture.LARGE_GROUP,
                List.of("Patient"), null, Instant.now(), null, null, null, null, null, null, null, null));

        String token = ExportTestResource.TOKENS.token(CLIENT, "system/*.rs", List.of(MemberDataFixture.LARGE_GROUP),
                List.of());
        JsonPath manifest = awaitManifest(token, "https://payer.example.test/fhir/bulkstatus/" + job);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= MemberDataFixture.LARGE_GROUP_SIZE; i++) {
            String member = MemberDataFixture.largeGroupMember(i);
            expected.add(MemberDataFixture.content("Patient", member, member, MemberDataFixture.OLD));
        }
        assertThat(downloadAll(manifest).get("Patient")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ExportJobFixture.tasks(job, "COMPLETED")).isEqualTo(MemberDataFixture.LARGE_GROUP_SIZE);
    }

    /** The export request again, as Kafka hands an uncommitted record to the next planner of the group. */
    private static void redeliver(ExportRequested request) throws Exception {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealServersResource.infrastructure().endpoints().kafkaBootstrapServers()),
                new StringSerializer(), new EventSerializer())) {
            producer.send(new ProducerRecord<>(Topic.EXPORT_REQUESTED.topicName(), request.jobId().toString(),
                    request)).get();
        }
    }
}

package org.openpayer.bulkexport.attribution.event;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.AttributionTestResource;
import org.openpayer.bulkexport.model.codec.EventCodec;
import org.openpayer.bulkexport.model.event.AttributionListChanged;
import org.openpayer.bulkexport.model.event.Topic;
import org.openpayer.bulkexport.stack.testing.RealServersResource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/** Every Group version is published on Kafka, after commit, in order, split into parts when it changes many members. */
@QuarkusIntegrationTest
@QuarkusTestResource(AttributionTestResource.class)
class AttributionEventsIT {

    private final String group = "grp-events-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void updatesAndDelete_arePublishedInOrder_withTheirMemberChanges() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            put(members("pat-e1", "pat-e2"));
            put(members("pat-e2"));
            writer().delete("/fhir/Group/" + group).then().statusCode(204);

            List<AttributionListChanged> events = eventsOf(consumer, 3);
            assertThat(events).extracting(AttributionListChanged::versionId).containsExactly(1L, 2L, 3L);
            assertThat(events).extracting(AttributionListChanged::cause).containsExactly("update", "update", "delete");
            assertThat(events.get(0).members()).extracting(AttributionListChanged.MemberChange::changeType)
                    .containsExactly("new", "new");
            assertThat(events.get(1).members()).containsExactly(
                    new AttributionListChanged.MemberChange("pat-e1", "dropped"));
            assertThat(events.get(1).listStatus()).isEqualTo("open");
        }
    }

    @Test
    void aVersionChangingManyMembers_isPublishedInParts() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            int count = AttributionListChanged.MAX_MEMBERS_PER_EVENT * 2 + 5;
            put(members(IntStream.rangeClosed(1, count).mapToObj(i -> "pat-many-" + i).toArray(String[]::new)));

            List<AttributionListChanged> events = eventsOf(consumer, 3);
            assertThat(events).extracting(AttributionListChanged::part).containsExactly(1, 2, 3);
            assertThat(events).allSatisfy(event -> assertThat(event.parts()).isEqualTo(3));
            assertThat(events.stream().mapToInt(event -> event.members().size()).sum()).isEqualTo(count);
        }
    }

    private List<AttributionListChanged> eventsOf(KafkaConsumer<String, byte[]> consumer, int expected) {
        List<AttributionListChanged> events = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(30);
        while (events.size() < expected && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (group.equals(record.key())) {
                    events.add(EventCodec.fromJson(record.value(), AttributionListChanged.class));
                }
            }
        }
        assertThat(events).as("events of %s", group).hasSize(expected);
        return events;
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealServersResource.infrastructure().endpoints().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "events-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topic.ATTRIBUTION_LIST_CHANGED.topicName()));
        return consumer;
    }

    private void put(String members) {
        writer().body("{\"resourceType\":\"Group\",\"id\":\"" + group + "\",\"type\":\"person\",\"actual\":true,"
                + "\"member\":[" + members + "]}").put("/fhir/Group/" + group).then().statusCode(oneOf(200, 201));
    }

    private static String members(String... patients) {
        List<String> members = new ArrayList<>();
        for (String patient : patients) {
            members.add("{\"entity\":{\"reference\":\"Patient/" + patient + "\"}}");
        }
        return String.join(",", members);
    }

    private static RequestSpecification writer() {
        return given().auth().oauth2(AttributionTestResource.TOKENS.token("payer-etl", "system/Group.cud",
                List.of(), List.of())).contentType("application/fhir+json");
    }
}

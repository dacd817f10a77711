package org.openpayer.bulkexport.attribution.download;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.oneOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openpayer.bulkexport.attribution.AttributionTestResource;
import org.openpayer.bulkexport.model.codec.EventCodec;
import org.openpayer.bulkexport.model.event.ExportCompleted;
import org.openpayer.bulkexport.model.event.Topic;
import org.openpayer.bulkexport.model.fhir.atr.AtrVocabulary;
import org.openpayer.bulkexport.stack.testing.RealServersResource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One test's Group for the provider-download bookkeeping tests: written and read over attribution-service's FHIR API
 * as payer systems and providers do, and export-completed events published on the real topic as export-service
 * publishes them.
 */
final class DownloadFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONSENT_PROFILE =
            "http://hl7.org/fhir/us/davinci-pdex/StructureDefinition/pdex-provider-consent";

    private final String groupId;

    DownloadFixture(String groupId) {
        this.groupId = groupId;
    }

    String groupId() {
        return groupId;
    }

    /** A full update of the Group: active members, then inactive (dropped) ones. */
    void putGroup(List<String> active, List<String> inactive) {
        List<String> members = new ArrayList<>();
        active.forEach(patient -> members.add(member(patient, false)));
        inactive.forEach(patient -> members.add(member(patient, true)));
        writer().body("{\"resourceType\":\"Group\",\"id\":\"" + groupId + "\",\"type\":\"person\",\"actual\":true,"
                + "\"member\":[" + String.join(",", members) + "]}")
                .put("/fhir/Group/" + groupId).then().statusCode(oneOf(200, 201));
    }

    /** The member's provider Consent: deny opts it out of provider access, permit brings it back. */
    void consent(String patient, String provisionType) {
        put("Patient/" + patient, "{\"resourceType\":\"Patient\",\"id\":\"" + patient + "\"}");
        String id = provisionType + "-" + patient;
        put("Consent/" + id, "{\"resourceType\":\"Consent\",\"id\":\"" + id + "\",\"meta\":{\"profile\":[\""
                + CONSENT_PROFILE + "\"]},\"status\":\"active\",\"scope\":{\"coding\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/consentscope\",\"code\":\"patient-privacy\"}]},"
                + "\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\","
                + "\"code\":\"IDSCL\"}]}],\"patient\":{\"reference\":\"Patient/" + patient + "\"},"
                + "\"policyRule\":{\"coding\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/consentpolicycodes\",\"code\":\"cric\"}]},"
                + "\"provision\":{\"type\":\"" + provisionType + "\",\"period\":{\"start\":\""
                + (provisionType.equals("deny") ? "2026-03-01" : "2026-04-01") + "\"}}}");
    }

    /** The current version as a provider granted the Group reads it. */
    JsonNode read() {
        return read("/fhir/Group/" + groupId);
    }

    JsonNode read(long version) {
        return read("/fhir/Group/" + groupId + "/_history/" + version);
    }

    static long versionOf(JsonNode group) {
        return group.at("/meta/versionId").asLong();
    }

    static Instant lastUpdatedOf(JsonNode group) {
        return OffsetDateTime.parse(group.at("/meta/lastUpdated").asText()).toInstant();
    }

    /** The member's served element, if the version serves it. */
    static Optional<JsonNode> member(JsonNode group, String patient) {
        for (JsonNode member : group.path("member")) {
            if (("Patient/" + patient).equals(member.at("/entity/reference").asText())) {
                return Optional.of(member);
            }
        }
        return Optional.empty();
    }

    /** The value of one of the member's extensions ({@code valueX} as text), if it has it. */
    static Optional<String> extension(JsonNode member, String url) {
        for (JsonNode extension : member.path("extension")) {
            if (url.equals(extension.path("url").asText())) {
                JsonNode value = extension.has("valueDateTime") ? extension.get("valueDateTime")
                        : extension.has("valueString") ? extension.get("valueString") : extension.get("valueCode");
                return Optional.of(value.asText());
            }
        }
        return Optional.empty();
    }

    /** The member's lastTransmitted, if booked. */
    static Optional<Instant> lastTransmitted(JsonNode group, String patient) {
        return member(group, patient).flatMap(member -> extension(member, AtrVocabulary.LAST_TRANSMITTED))
                .map(value -> OffsetDateTime.parse(value).toInstant());
    }

    /**
     * Publishes the events on export-completed, in order, all under the first one's job id as key: one partition,
     * so the service handles them in this order (export-service keys each by its own job id).
     */
    static void publish(ExportCompleted... events) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealServersResource.infrastructure().endpoints().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (ExportCompleted event : events) {
                producer.send(new ProducerRecord<>(Topic.EXPORT_COMPLETED.topicName(), events[0].jobId().toString(),
                        EventCodec.toJson(event))).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish on export-completed", e);
        }
    }

    private JsonNode read(String path) {
        String body = given().auth().oauth2(AttributionTestResource.TOKENS.token("download-provider", "system/*.rs",
                List.of(groupId), List.of())).get(path).then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable Group", e);
        }
    }

    private static String member(String patient, boolean inactive) {
        return "{\"entity\":{\"reference\":\"Patient/" + patient + "\"}" + (inactive ? ",\"inactive\":true" : "")
                + "}";
    }

    private static void put(String path, String resource) {
        writer().body(resource).put("/fhir/" + path).then().statusCode(oneOf(200, 201));
    }

    private static RequestSpecification writer() {
        return given().auth().oauth2(AttributionTestResource.TOKENS.token("payer-etl", "system/*.cud", List.of(),
                List.of())).contentType("application/fhir+json");
    }
}

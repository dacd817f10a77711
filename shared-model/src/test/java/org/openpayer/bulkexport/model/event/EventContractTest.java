package org.openpayer.bulkexport.model.event;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openpayer.bulkexport.model.event.EventBuilders.anExportCompleted;
import static org.openpayer.bulkexport.model.event.EventBuilders.anExportRequested;
import static org.openpayer.bulkexport.model.event.EventBuilders.anExportTaskCompleted;
import static org.openpayer.bulkexport.model.event.EventBuilders.anExportTaskFailed;
import static org.openpayer.bulkexport.model.event.EventBuilders.anExportTaskPlanned;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openpayer.bulkexport.model.codec.EventCodec;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The wire contract of every event: its golden JSON sample (src/test/resources/events) reads into the expected record,
 * and the record writes back to the same JSON. Changing a field's name or shape breaks this test, which is the point.
 */
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> goldenSamples() {
        return Stream.of(
                Arguments.of("ExportRequested.json", anExportRequested()
                        .withSince(Instant.parse("2026-01-01T00:00:00Z"))
                        .withUntil(Instant.parse("2026-06-01T00:00:00Z"))
                        .withTypeFilters("Coverage?status=active")
                        .withExportType("hl7.fhir.us.davinci-pdex#provider-download").build()),
                Arguments.of("ExportTaskPlanned.json", anExportTaskPlanned()
                        .withTaskSeq(3).withResourceType("Coverage").withPatientIds(List.of("pat-1", "pat-2"))
                        .withTypeFilters("status=active", "status=draft").build()),
                Arguments.of("ExportTaskCompleted.json", anExportTaskCompleted().withTaskSeq(3)
                        .withFile("Coverage", "8d1c6a1e-5b7f-4b57-9a3e-0c1b2d3e4f50-3-1.Coverage.ndjson", 2, 1840)
                        .build()),
                Arguments.of("ExportTaskFailed.json", anExportTaskFailed(3, "member data store unavailable")),
                Arguments.of("ExportCompleted.json", anExportCompleted()
                        .withExportType("hl7.fhir.us.davinci-pdex#provider-download")
                        .withUntil(Instant.parse("2026-06-01T00:00:00Z"))
                        .withPatients("pat-1", "pat-2")
                        .withTypeParameter("Patient,Condition")
                        .withTypeFilterParameter("Condition?recorded-date=ge2026-01-01").build()),
                Arguments.of("AttributionListChanged.json", new AttributionListChanged("group-east", 7,
                        EventBuilders.OCCURRED_AT, "member-add", "open", 1, 1,
                        List.of(new AttributionListChanged.MemberChange("pat-001", "new")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenSamples")
    void goldenSample_readsIntoExpectedRecord(String sample, Object expected) throws IOException {
        // given
        byte[] golden = read(sample);

        // when
        Object parsed = EventCodec.fromJson(golden, expected.getClass());

        // then
        assertThat(parsed).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenSamples")
    void record_writesGoldenSample(String sample, Object event) throws IOException {
        // when
        JsonNode written = JSON.readTree(EventCodec.toJson(event));

        // then
        assertThat(written).isEqualTo(JSON.readTree(read(sample)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenSamples")
    void goldenSample_isNamedAfterItsTopicsEvent(String sample, Object event) {
        assertThat(Topic.of(event.getClass()).eventType().getSimpleName() + ".json").isEqualTo(sample);
    }

    @Test
    void exportCompleted_writtenBeforeItsRequestExisted_readsWithoutOne() {
        // given
        byte[] older = ("{\"clientId\":\"clinic-east\",\"fileCount\":4,\"jobId\":\"" + EventBuilders.JOB_ID
                + "\",\"occurredAt\":\"2026-11-21T10:15:30.123Z\",\"resourceCount\":1200}").getBytes(UTF_8);

        // when
        ExportCompleted parsed = EventCodec.fromJson(older, ExportCompleted.class);

        // then
        assertThat(parsed).isEqualTo(anExportCompleted().withoutRequest().build());
    }

    private static byte[] read(String sample) throws IOException {
        try (InputStream in = EventContractTest.class.getResourceAsStream("/events/" + sample)) {
            assertThat(in).as("golden sample %s", sample).isNotNull();
            return in.readAllBytes();
        }
    }
}

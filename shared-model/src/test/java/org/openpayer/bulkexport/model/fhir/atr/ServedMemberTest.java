package org.openpayer.bulkexport.model.fhir.atr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

class ServedMemberTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORED = "{\"id\":\"m1\",\"extension\":[{\"url\":\"" + AtrVocabulary.ATTRIBUTED_PROVIDER
            + "\",\"valueReference\":{\"reference\":\"Practitioner/pr1\"}}],\"entity\":{\"reference\":\"Patient/p1\"},"
            + "\"period\":{\"start\":\"2026-01-01\"}}";

    @Test
    void render_withoutDownload_carriesOnlyTheChangeTypeOfTheVersionServed() throws Exception {
        // when
        JsonNode changed = JSON.readTree(ServedMember.render(new ServedMember.Row(STORED, 3, "changed", null), 3));
        JsonNode later = JSON.readTree(ServedMember.render(new ServedMember.Row(STORED, 3, "changed", null), 4));

        // then
        assertThat(urls(changed)).containsExactly(AtrVocabulary.CHANGE_TYPE, AtrVocabulary.ATTRIBUTED_PROVIDER);
        assertThat(changed.at("/extension/0/valueCode").asText()).isEqualTo("changed");
        assertThat(later.at("/extension/0/valueCode").asText()).isEqualTo("nochange");
    }

    @Test
    void render_withDownload_appendsPdexBookkeepingAfterTheStoredExtensions_inFhirElementOrder() throws Exception {
        // given
        LastDownload download = new LastDownload(Instant.parse("2026-11-21T10:15:30Z"), "Patient,Condition",
                "Condition?recorded-date=ge2026-01-01");

        // when
        JsonNode served = JSON.readTree(ServedMember.render(new ServedMember.Row(STORED, 3, "new", download), 5));

        // then
        assertThat(fieldNames(served)).containsExactly("id", "extension", "entity", "period");
        assertThat(urls(served)).containsExactly(AtrVocabulary.CHANGE_TYPE, AtrVocabulary.ATTRIBUTED_PROVIDER,
                AtrVocabulary.LAST_TRANSMITTED, AtrVocabulary.LAST_TYPES, AtrVocabulary.LAST_TYPE_FILTER);
        assertThat(served.at("/extension/2/valueDateTime").asText()).isEqualTo("2026-11-21T10:15:30.000Z");
        assertThat(served.at("/extension/3/valueString").asText()).isEqualTo("Patient,Condition");
        assertThat(served.at("/extension/4/valueString").asText()).isEqualTo("Condition?recorded-date=ge2026-01-01");
    }

    @Test
    void render_downloadWithoutTypeParameters_hasOnlyLastTransmitted() throws Exception {
        // given
        LastDownload download = new LastDownload(Instant.parse("2026-11-21T10:15:30.123Z"), null, null);

        // when
        JsonNode served = JSON.readTree(ServedMember.render(new ServedMember.Row(STORED, 3, "new", download), 5));

        // then
        assertThat(urls(served)).containsExactly(AtrVocabulary.CHANGE_TYPE, AtrVocabulary.ATTRIBUTED_PROVIDER,
                AtrVocabulary.LAST_TRANSMITTED);
        assertThat(served.at("/extension/2/valueDateTime").asText()).isEqualTo("2026-11-21T10:15:30.123Z");
    }

    @Test
    void render_storedBookkeepingOfAClient_isReplacedByTheServers() throws Exception {
        // given: a row stored before the server owned these extensions
        String stored = "{\"extension\":[{\"url\":\"" + AtrVocabulary.LAST_TRANSMITTED + "\",\"valueDateTime\":"
                + "\"2020-01-01T00:00:00Z\"},{\"url\":\"" + AtrVocabulary.LAST_TYPES + "\",\"valueString\":\"Patient\"}"
                + "],\"entity\":{\"reference\":\"Patient/p1\"}}";

        // when
        JsonNode never = JSON.readTree(ServedMember.render(new ServedMember.Row(stored, 1, "new", null), 2));
        JsonNode booked = JSON.readTree(ServedMember.render(new ServedMember.Row(stored, 1, "new",
                new LastDownload(Instant.parse("2026-11-21T10:15:30Z"), null, null)), 2));

        // then
        assertThat(urls(never)).containsExactly(AtrVocabulary.CHANGE_TYPE);
        assertThat(urls(booked)).containsExactly(AtrVocabulary.CHANGE_TYPE, AtrVocabulary.LAST_TRANSMITTED);
        assertThat(booked.at("/extension/1/valueDateTime").asText()).isEqualTo("2026-11-21T10:15:30.000Z");
    }

    @Test
    void isServerOwned_coversChangeTypeAndTheDownloadBookkeeping() {
        assertThat(List.of(AtrVocabulary.CHANGE_TYPE, AtrVocabulary.LAST_TRANSMITTED, AtrVocabulary.LAST_TYPES,
                AtrVocabulary.LAST_TYPE_FILTER)).allMatch(ServedMember::isServerOwned);
        assertThat(ServedMember.isServerOwned(AtrVocabulary.ATTRIBUTED_PROVIDER)).isFalse();
    }

    private static List<String> urls(JsonNode member) {
        List<String> urls = new ArrayList<>();
        member.path("extension").forEach(extension -> urls.add(extension.path("url").asText()));
        return urls;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

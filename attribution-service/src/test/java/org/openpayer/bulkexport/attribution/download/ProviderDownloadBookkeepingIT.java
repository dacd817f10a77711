package org.openpayer.bulkexport.attribution.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openpayer.bulkexport.attribution.download.DownloadFixture.extension;
import static org.openpayer.bulkexport.attribution.download.DownloadFixture.lastTransmitted;
import static org.openpayer.bulkexport.attribution.download.DownloadFixture.lastUpdatedOf;
import static org.openpayer.bulkexport.attribution.download.DownloadFixture.member;
import static org.openpayer.bulkexport.attribution.download.DownloadFixture.publish;
import static org.openpayer.bulkexport.attribution.download.DownloadFixture.versionOf;
import static org.openpayer.bulkexport.model.event.EventBuilders.anExportCompleted;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.AttributionTestResource;
import org.openpayer.bulkexport.model.event.EventBuilders;
import org.openpayer.bulkexport.model.event.ExportLevel;
import org.openpayer.bulkexport.model.fhir.atr.AtrVocabulary;
import org.openpayer.bulkexport.model.fhir.atr.DaVinciExportType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * PDex 2.1 provider-download bookkeeping, end to end: export-completed published on the real topic, the Group read
 * back over HTTP. Exactly the members the export sent are booked, in one new Group version; redeliveries and older
 * downloads change nothing; other exports are never booked.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(AttributionTestResource.class)
class ProviderDownloadBookkeepingIT {

    private static final String DOWNLOAD = DaVinciExportType.PROVIDER_DOWNLOAD.code();
    private static final Duration BOOKED_WITHIN = Duration.ofSeconds(30);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final DownloadFixture group = new DownloadFixture("grp-download-" + run);

    @Test
    void providerDownload_booksTheMembersOfTheVersionServed_inOneNewVersion() {
        // given: version 1 is the one served; f joins afterwards, c opts out, d was dropped
        String a = patient("a");
        String b = patient("b");
        String c = patient("c");
        String d = patient("d");
        String f = patient("f");
        group.putGroup(List.of(a, b, c), List.of(d));
        Instant transactionTime = lastUpdatedOf(group.read());
        group.putGroup(List.of(a, b, c, f), List.of(d));
        group.consent(c, "deny");

        // when
        publish(download().withTransactionTime(transactionTime).withTypeParameter("Patient,Coverage")
                .withTypeFilterParameter("Coverage?status=active").build());

        // then
        JsonNode booked = awaitVersion(3);
        for (String sent : List.of(a, b)) {
            JsonNode member = member(booked, sent).orElseThrow();
            assertThat(lastTransmitted(booked, sent)).contains(transactionTime);
            assertThat(extension(member, AtrVocabulary.LAST_TYPES)).contains("Patient,Coverage");
            assertThat(extension(member, AtrVocabulary.LAST_TYPE_FILTER)).contains("Coverage?status=active");
            assertThat(extension(member, AtrVocabulary.CHANGE_TYPE)).as("attribution unchanged").contains("nochange");
        }
        assertThat(lastTransmitted(booked, d)).as("dropped: not exported").isEmpty();
        assertThat(lastTransmitted(booked, f)).as("joined after the export's snapshot").isEmpty();
        assertThat(lastTransmitted(group.read(2), a)).as("earlier versions keep what they had").isEmpty();

        group.consent(c, "permit");
        JsonNode afterPermit = group.read();
        assertThat(member(afterPermit, c)).isPresent();
        assertThat(lastTransmitted(afterPermit, c)).as("opted out when booked").isEmpty();
        assertThat(lastTransmitted(afterPermit, a)).contains(transactionTime);
    }

    @Test
    void providerDownload_ofAPatientSubset_untilEarlier_booksTheNamedMembersAtUntil() {
        // given
        String a = patient("a");
        String b = patient("b");
        group.putGroup(List.of(a, b), List.of());
        Instant transactionTime = lastUpdatedOf(group.read());
        Instant until = transactionTime.minus(Duration.ofHours(1));

        // when
        publish(download().withTransactionTime(transactionTime).withUntil(until)
                .withPatients(a, patient("stranger")).build());

        // then
        JsonNode booked = awaitVersion(2);
        assertThat(lastTransmitted(booked, a)).contains(until);
        assertThat(extension(member(booked, a).orElseThrow(), AtrVocabulary.LAST_TYPES))
                .as("no _type given: none recorded").isEmpty();
        assertThat(lastTransmitted(booked, b)).as("not in the subset").isEmpty();
    }

    @Test
    void redeliveryAndOlderDownloads_makeNoVersion_andNeverMoveLastTransmittedBack() {
        // given: a booked first download; c, opted out then, opts back in
        String a = patient("a");
        String c = patient("c");
        group.putGroup(List.of(a, c), List.of());
        Instant first = lastUpdatedOf(group.read());
        group.consent(c, "deny");
        UUID job = UUID.randomUUID();
        publish(download().withJobId(job).withTransactionTime(first).build());
        Instant second = lastUpdatedOf(awaitVersion(2));
        group.consent(c, "permit");

        // when: the first download again (now c would qualify), an older one, then a newer one, in this order
        publish(download().withJobId(job).withTransactionTime(first).build(),
                download().withTransactionTime(first).withUntil(first.minus(Duration.ofDays(1))).withPatients(a)
                        .build(),
                download().withTransactionTime(second).build());

        // then: only the newer one made a version
        JsonNode booked = awaitVersion(3);
        assertThat(lastTransmitted(booked, a)).contains(second);
        assertThat(lastTransmitted(booked, c)).contains(second);
        assertThat(lastTransmitted(group.read(2), c)).as("the redelivery booked nothing").isEmpty();
    }

    @Test
    void otherExports_areNeverBooked() {
        // given
        String a = patient("a");
        group.putGroup(List.of(a), List.of());
        Instant transactionTime = lastUpdatedOf(group.read());
        Instant sentinel = transactionTime.minusSeconds(1);

        // when: exports that are no provider-download, then one that is (sent as of a second earlier)
        publish(download().withExportType(null).withTransactionTime(transactionTime).build(),
                download().withExportType(DaVinciExportType.ATR.code()).withTransactionTime(transactionTime).build(),
                download().withExportType(DaVinciExportType.PROVIDER_SNAPSHOT.code())
                        .withTransactionTime(transactionTime).build(),
                download().withLevel(ExportLevel.PATIENT).withTransactionTime(transactionTime).build(),
                download().withoutRequest().build(),
                download().withTransactionTime(transactionTime).withUntil(sentinel).build());

        // then: had any other been booked, the sentinel's earlier time would not have moved anything
        JsonNode booked = awaitVersion(2);
        assertThat(lastTransmitted(booked, a)).contains(sentinel);
    }

    private EventBuilders.ExportCompletedBuilder download() {
        return anExportCompleted().withJobId(UUID.randomUUID()).withGroupId(group.groupId()).withExportType(DOWNLOAD);
    }

    /** Waits for the Group to reach a version, and checks it went no further. */
    private JsonNode awaitVersion(long version) {
        await().atMost(BOOKED_WITHIN).pollInterval(Duration.ofMillis(250))
                .until(() -> versionOf(group.read()) >= version);
        JsonNode current = group.read();
        assertThat(versionOf(current)).isEqualTo(version);
        return current;
    }

    private String patient(String name) {
        return "pat-dl-" + name + "-" + run;
    }
}

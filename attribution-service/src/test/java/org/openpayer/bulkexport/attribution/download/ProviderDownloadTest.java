package org.openpayer.bulkexport.attribution.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpayer.bulkexport.model.event.EventBuilders.anExportCompleted;

import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.model.event.EventBuilders;
import org.openpayer.bulkexport.model.event.ExportCompleted;
import org.openpayer.bulkexport.model.event.ExportLevel;
import org.openpayer.bulkexport.model.fhir.atr.DaVinciExportType;
import org.openpayer.bulkexport.model.fhir.atr.LastDownload;

import java.time.Instant;
import java.util.List;

class ProviderDownloadTest {

    private static final String DOWNLOAD = DaVinciExportType.PROVIDER_DOWNLOAD.code();
    private static final Instant TRANSACTION_TIME = EventBuilders.TRANSACTION_TIME;

    @Test
    void of_providerDownload_recordsTheTransactionTimeAndTheTypeParametersAsGiven() {
        // given
        ExportCompleted event = anExportCompleted().withExportType(DOWNLOAD).withPatients("p1", "p2")
                .withTypeParameter("Patient,Condition").withTypeFilterParameter("Condition?code=x").build();

        // when
        ProviderDownload download = ProviderDownload.of(event).orElseThrow();

        // then
        assertThat(download.jobId()).isEqualTo(EventBuilders.JOB_ID);
        assertThat(download.groupId()).isEqualTo("group-east");
        assertThat(download.transactionTime()).isEqualTo(TRANSACTION_TIME);
        assertThat(download.patients()).containsExactly("p1", "p2");
        assertThat(download.download()).isEqualTo(
                new LastDownload(TRANSACTION_TIME, "Patient,Condition", "Condition?code=x"));
    }

    @Test
    void of_untilBeforeTheTransactionTime_isWhenTheDataWasTransmitted() {
        Instant earlier = TRANSACTION_TIME.minusSeconds(3600);

        assertThat(ProviderDownload.of(anExportCompleted().withExportType(DOWNLOAD).withUntil(earlier).build())
                .orElseThrow().download().transmitted()).isEqualTo(earlier);
        assertThat(ProviderDownload.of(anExportCompleted().withExportType(DOWNLOAD)
                .withUntil(TRANSACTION_TIME.plusSeconds(60)).build())
                .orElseThrow().download().transmitted()).isEqualTo(TRANSACTION_TIME);
    }

    @Test
    void of_anyOtherExport_isNoDownload() {
        List<ExportCompleted> others = List.of(
                anExportCompleted().build(),
                anExportCompleted().withExportType(DaVinciExportType.ATR.code()).build(),
                anExportCompleted().withExportType(DaVinciExportType.PROVIDER_SNAPSHOT.code()).build(),
                anExportCompleted().withExportType(DaVinciExportType.PROVIDER_DELTA.code()).build(),
                anExportCompleted().withExportType(DOWNLOAD).withLevel(ExportLevel.PATIENT).build(),
                anExportCompleted().withoutRequest().build());

        assertThat(others).allSatisfy(event -> assertThat(ProviderDownload.of(event)).isEmpty());
    }
}

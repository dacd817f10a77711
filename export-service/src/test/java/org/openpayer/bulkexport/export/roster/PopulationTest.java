package org.openpayer.bulkexport.export.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpayer.bulkexport.model.event.EventBuilders.anExportRequested;

import org.junit.jupiter.api.Test;

class PopulationTest {

    @Test
    void of_payerToPayerExport_isGovernedByTheClientsConsents() {
        Population population = Population.of(anExportRequested().withClientId("new-payer").withGroupId("g-matched")
                .withExportType("hl7.fhir.us.davinci-pdex#payertopayer").build());

        assertThat(population.groupId()).isEqualTo("g-matched");
        assertThat(population.payerToPayerClient()).isEqualTo("new-payer");
    }

    @Test
    void of_anyOtherExport_isGovernedByNoConsent() {
        assertThat(Population.of(anExportRequested().withExportType("hl7.fhir.us.davinci-pdex#provider-download")
                .build()).payerToPayerClient()).isNull();
        assertThat(Population.of(anExportRequested().build()).payerToPayerClient()).isNull();
    }
}

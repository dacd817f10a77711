package org.openpayer.bulkexport.model.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.model.fhir.atr.DaVinciExportType;

class DaVinciExportTypeTest {

    @Test
    void parse_fragmentForm_andSeedDataForm_meanTheSame() {
        assertThat(DaVinciExportType.parse("hl7.fhir.us.davinci-pdex#provider-delta", null))
                .contains(DaVinciExportType.PROVIDER_DELTA);
        assertThat(DaVinciExportType.parse("hl7.fhir.us.davinci-pdex", "provider-delta"))
                .contains(DaVinciExportType.PROVIDER_DELTA);
        assertThat(DaVinciExportType.parse("hl7.fhir.us.davinci-pdex", "provider-snapshot"))
                .contains(DaVinciExportType.PROVIDER_SNAPSHOT);
        assertThat(DaVinciExportType.parse("hl7.fhir.us.davinci-atr", null)).contains(DaVinciExportType.ATR);
        assertThat(DaVinciExportType.parse("hl7.fhir.us.davinci-pdex#payertopayer", null))
                .contains(DaVinciExportType.PAYER_TO_PAYER);
    }

    @Test
    void parse_anythingElse_isEmpty() {
        assertThat(DaVinciExportType.parse("hl7.fhir.us.davinci-pdex", null)).isEmpty();
        assertThat(DaVinciExportType.parse("hl7.fhir.us.davinci-pdex", "payertopayer")).isEmpty();
        assertThat(DaVinciExportType.parse("hl7.fhir.us.davinci-atr", "provider-delta")).isEmpty();
        assertThat(DaVinciExportType.parse("hl7.fhir.us.davinci-pdex#provider-delta", "provider-delta")).isEmpty();
        assertThat(DaVinciExportType.parse("provider-download", null)).isEmpty();
    }
}

package org.openpayer.bulkexport.model.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.UUID;

class PublicUrlsTest {

    private static final UUID JOB = UUID.fromString("8d1c6a1e-5b7f-4b57-9a3e-0c1b2d3e4f50");

    @Test
    void urls_areAbsoluteUnderTheBase_andRoutedToTheirService() {
        PublicUrls urls = new PublicUrls("https://api.payer.example/");

        assertThat(urls.tokenUrl()).isEqualTo("https://api.payer.example/auth/token");
        assertThat(urls.fhirBase()).isEqualTo("https://api.payer.example/fhir");
        assertThat(urls.exportStatus(JOB)).isEqualTo("https://api.payer.example/fhir/bulkstatus/" + JOB);
        assertThat(RouteTable.serviceFor(pathOf(urls.tokenUrl()))).contains(Service.AUTH);
        assertThat(RouteTable.serviceFor(pathOf(urls.jwksUrl()))).contains(Service.AUTH);
        assertThat(RouteTable.serviceFor(pathOf(urls.exportStatus(JOB)))).contains(Service.EXPORT);
        assertThat(RouteTable.serviceFor(pathOf(urls.exportFile(JOB, "x.Patient.ndjson")))).contains(Service.FILE);
        assertThat(urls.bulkMemberMatchStatus(JOB))
                .isEqualTo("https://api.payer.example/fhir/bulk-member-match-status/" + JOB);
        assertThat(RouteTable.serviceFor(pathOf(urls.bulkMemberMatchStatus(JOB)))).contains(Service.ATTRIBUTION);
        assertThat(RouteTable.serviceFor("/fhir/Group/$bulk-member-match")).contains(Service.ATTRIBUTION);
    }

    @Test
    void relativeBase_isRejected() {
        assertThatThrownBy(() -> new PublicUrls("/fhir")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String pathOf(String url) {
        return url.substring("https://api.payer.example".length());
    }
}

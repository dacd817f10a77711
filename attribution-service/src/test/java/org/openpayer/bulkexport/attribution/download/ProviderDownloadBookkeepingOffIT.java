package org.openpayer.bulkexport.attribution.download;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.openpayer.bulkexport.attribution.download.DownloadFixture.lastUpdatedOf;
import static org.openpayer.bulkexport.attribution.download.DownloadFixture.publish;
import static org.openpayer.bulkexport.attribution.download.DownloadFixture.versionOf;
import static org.openpayer.bulkexport.model.event.EventBuilders.anExportCompleted;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.AttributionTestResource;
import org.openpayer.bulkexport.model.fhir.atr.DaVinciExportType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A PDex 2.2 deployment ({@code ATTRIBUTION_PDEX_DOWNLOAD_BOOKKEEPING=false}): provider-downloads make no Group
 * version, and the CapabilityStatement says so. The only test class of its profile: it costs one restart.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(AttributionTestResource.class)
@TestProfile(ProviderDownloadBookkeepingOffIT.BookkeepingOff.class)
class ProviderDownloadBookkeepingOffIT {

    /** The switch, off. */
    public static class BookkeepingOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("attribution.pdex.download-bookkeeping", "false");
        }
    }

    @Test
    void switchedOff_providerDownload_makesNoGroupVersion() {
        // given
        String run = UUID.randomUUID().toString().substring(0, 8);
        DownloadFixture group = new DownloadFixture("grp-download-off-" + run);
        group.putGroup(List.of("pat-dl-off-" + run), List.of());
        Instant transactionTime = lastUpdatedOf(group.read());

        // when
        publish(anExportCompleted().withJobId(UUID.randomUUID()).withGroupId(group.groupId())
                .withExportType(DaVinciExportType.PROVIDER_DOWNLOAD.code()).withTransactionTime(transactionTime)
                .build());

        // then
        given().get("/fhir/metadata").then().statusCode(200)
                .body(containsString("Provider-download exports are not recorded on Group.member"));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> versionOf(group.read()) == 1);
    }
}

package org.openpayer.bulkexport.attribution.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.AttributionTestResource;
import org.openpayer.bulkexport.model.security.AdminCredentials;
import org.openpayer.bulkexport.synthetic.DatasetSpec;
import org.openpayer.bulkexport.synthetic.NdjsonResourceWriter;
import org.openpayer.bulkexport.synthetic.ResourceCounter;
import org.openpayer.bulkexport.synthetic.SyntheticDataGenerator;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The bulk load streams: about 10^5 synthetic member resources, over 128 MB of NDJSON generated while it is sent,
 * load in one request into the service running with a 128 MB heap (see quarkus.test.arg-line).
 */
@QuarkusIntegrationTest
@QuarkusTestResource(AttributionTestResource.class)
class BulkLoadAtScaleIT {

    /** Members far above those of the other tests' datasets, so the ids this test loads are its own. */
    private static final int FIRST_MEMBER = 100_001;
    private static final int LAST_MEMBER = 102_700;
    private static final DatasetSpec SPEC = DatasetSpec.builder().seed(4242).members(LAST_MEMBER).groups(4).build();

    @Test
    void aDatasetLargerThanTheHeap_loadsInOneStreamedRequest() throws Exception {
        PipedInputStream body = new PipedInputStream(1 << 16);
        PipedOutputStream sink = new PipedOutputStream(body);
        CompletableFuture<ResourceCounter> generated = CompletableFuture.supplyAsync(() -> generate(sink));

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/admin/ndjson"))
                .timeout(Duration.ofMinutes(5))
                .header(AdminCredentials.HEADER, AttributionTestResource.ADMIN_KEY)
                .header("Content-Type", "application/fhir+ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .build(), HttpResponse.BodyHandlers.ofString());

        ResourceCounter counts = generated.join();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(counts.total()).isGreaterThan(100_000);
        assertThat(counts.characters()).isGreaterThan(128L * 1024 * 1024);
        assertThat(response.body())
                .contains("ExplanationOfBenefit " + counts.counts().get("ExplanationOfBenefit"));
    }

    private static ResourceCounter generate(PipedOutputStream sink) {
        try (Writer out = new OutputStreamWriter(sink, StandardCharsets.UTF_8);
             NdjsonResourceWriter ndjson = NdjsonResourceWriter.combined(out)) {
            ResourceCounter counter = new ResourceCounter(ndjson);
            new SyntheticDataGenerator(SPEC).generateMembers(FIRST_MEMBER, LAST_MEMBER, counter);
            return counter;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

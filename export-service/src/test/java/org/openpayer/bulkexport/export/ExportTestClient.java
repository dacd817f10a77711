package org.openpayer.bulkexport.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.openpayer.bulkexport.model.storage.ExportFileNames;
import org.openpayer.bulkexport.model.storage.ExportObjectMetadata;
import org.openpayer.bulkexport.stack.infra.InfraEndpoints;
import org.openpayer.bulkexport.stack.testing.RealServersResource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/** A Bulk Data client for export-service's tests: kick-off, polling to the manifest, and reading the files. */
public final class ExportTestClient {

    private static MinioClient s3;

    private ExportTestClient() {
    }

    /** A GET kick-off; returns the status URL of the accepted job. */
    public static String kickOff(String token, String kickOffPath, String query) {
        Response response = given().auth().oauth2(token)
                .header("Prefer", "respond-async").accept("application/fhir+json")
                .urlEncodingEnabled(false)
                .get(kickOffPath + (query.isEmpty() ? "" : "?" + query));
        response.then().statusCode(202);
        String location = response.header("Content-Location");
        assertThat(location).startsWith(ExportTestResource.PUBLIC_BASE_URL + "/fhir/bulkstatus/");
        return location;
    }

    public static JsonPath awaitManifest(String token, String statusUrl) {
        return awaitManifest(token, statusUrl, Duration.ofSeconds(60));
    }

    public static JsonPath awaitManifest(String token, String statusUrl, Duration atMost) {
        List<Response> done = new ArrayList<>();
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
            Response response = given().auth().oauth2(token).get(path(statusUrl));
            if (response.statusCode() == 429) {
                // polled sooner than the server allows: wait as told, like a well-behaved client
                assertThat(response.header("Retry-After")).isNotBlank();
                return false;
            }
            if (response.statusCode() == 202) {
                assertThat(response.header("X-Progress")).hasSizeLessThan(100);
                assertThat(response.header("Retry-After")).isNotBlank();
                return false;
            }
            done.add(response);
            return true;
        });
        Response response = done.get(0);
        response.then().statusCode(200).contentType(startsWith("application/json"));
        assertThat(response.header("Expires")).isNotBlank();
        return response.jsonPath();
    }

    /** The lines of every {@code output} file, by type. */
    public static Map<String, List<String>> downloadAll(JsonPath manifest) throws Exception {
        return download(manifest, "output");
    }

    /** The lines of every file of one manifest list ({@code output}, {@code error}, {@code deleted}), by type. */
    public static Map<String, List<String>> download(JsonPath manifest, String list) throws Exception {
        Map<String, List<String>> linesByType = new HashMap<>();
        List<Map<String, Object>> outputs = manifest.getList(list);
        for (Map<String, Object> output : outputs) {
            String url = (String) output.get("url");
            String[] parts = url.substring(url.indexOf("/files/") + 7).split("/");
            String key = ExportFileNames.objectKey(UUID.fromString(parts[0]), parts[1]);
            try (InputStream in = stored(key)) {
                List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .collect(Collectors.toList());
                assertThat(lines).hasSize((Integer) output.get("count"));
                linesByType.computeIfAbsent((String) output.get("type"), type -> new ArrayList<>()).addAll(lines);
            }
        }
        return linesByType;
    }

    /** A file's NDJSON as stored, inflated when it was stored gzipped (as file-service serves it by default). */
    public static InputStream stored(String key) throws Exception {
        String coding = s3().statObject(StatObjectArgs.builder().bucket("bulk-export").object(key).build())
                .userMetadata().getFirst(ExportObjectMetadata.CONTENT_CODING);
        boolean gzipped = ExportObjectMetadata.GZIP.equals(coding);
        InputStream raw = s3().getObject(GetObjectArgs.builder().bucket("bulk-export").object(key).build());
        return gzipped ? new GZIPInputStream(raw) : raw;
    }

    /**
     * One client for all tests: building one loads every certificate of {@code SSL_CERT_DIR} and
     * {@code SSL_CERT_FILE} when they are set, over a second each on a machine with a full CA directory.
     */
    public static synchronized MinioClient s3() {
        if (s3 == null) {
            InfraEndpoints endpoints = RealServersResource.infrastructure().endpoints();
            s3 = MinioClient.builder().endpoint(endpoints.s3Endpoint())
                    .credentials(endpoints.s3AccessKey(), endpoints.s3SecretKey()).region("us-east-1").build();
        }
        return s3;
    }

    public static String path(String absoluteUrl) {
        return absoluteUrl.substring(ExportTestResource.PUBLIC_BASE_URL.length());
    }
}

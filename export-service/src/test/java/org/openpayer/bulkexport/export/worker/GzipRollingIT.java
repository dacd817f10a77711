package org.openpayer.bulkexport.export.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpayer.bulkexport.export.ExportTestClient.awaitManifest;
import static org.openpayer.bulkexport.export.ExportTestClient.s3;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.minio.GetObjectArgs;
import io.minio.StatObjectArgs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.export.ExportTestClient;
import org.openpayer.bulkexport.export.ExportTestResource;
import org.openpayer.bulkexport.export.MemberDataFixture;
import org.openpayer.bulkexport.model.storage.ExportFileNames;
import org.openpayer.bulkexport.model.storage.ExportObjectMetadata;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

/**
 * Files rolled over by count within one task, and stored gzipped with the metadata file-service negotiates on (the
 * tests' configuration: one resource per file, gzip on): every resource lands in exactly one part, each part is valid
 * gzip of NDJSON, and the manifest counts match.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(ExportTestResource.class)
class GzipRollingIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneTasksResources_rollOverIntoGzippedParts_eachResourceOnce() throws Exception {
        String token = ExportTestResource.TOKENS.token("roll-clinic", "system/*.rs", List.of(),
                List.of(MemberDataFixture.NPI));

        JsonPath manifest = awaitManifest(token, ExportTestClient.kickOff(token,
                "/fhir/Group/" + MemberDataFixture.GROUP + "/$export", "_type=Encounter"));

        List<Map<String, Object>> outputs = manifest.getList("output");
        List<String> encounters = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map<String, Object> output : outputs) {
            String url = (String) output.get("url");
            String[] path = url.substring(url.indexOf("/files/") + "/files/".length()).split("/");
            names.add(path[1]);
            String key = ExportFileNames.objectKey(UUID.fromString(path[0]), path[1]);
            assertThat(s3().statObject(StatObjectArgs.builder().bucket("bulk-export").object(key).build())
                    .userMetadata().getFirst(ExportObjectMetadata.CONTENT_CODING)).isEqualTo("gzip");
            try (InputStream gzip = new GZIPInputStream(s3().getObject(
                    GetObjectArgs.builder().bucket("bulk-export").object(key).build()))) {
                List<String> lines = new String(gzip.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                assertThat(lines).hasSize((Integer) output.get("count"))
                        .hasSizeLessThanOrEqualTo(ExportTestResource.RESOURCES_PER_FILE);
                for (String line : lines) {
                    encounters.add(JSON.readTree(line).path("id").asText());
                }
            }
        }
        assertThat(encounters).containsExactlyInAnyOrderElementsOf(MemberDataFixture.ENCOUNTERS);
        assertThat(names).as("p1's one task rolled over into parts 1, 2 and 3")
                .allMatch(name -> name.matches(".*-\\d+-[123]\\.Encounter\\.ndjson"))
                .extracting(name -> name.substring(0, name.lastIndexOf('-'))).containsOnly(taskPrefix(names));
    }

    private static String taskPrefix(List<String> names) {
        return names.get(0).substring(0, names.get(0).lastIndexOf('-'));
    }
}

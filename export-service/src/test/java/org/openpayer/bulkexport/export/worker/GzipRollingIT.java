package org.openpayer.bulkexport.export.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpayer.bulkexport.export.ExportTestClient.awaitManifest;
import static org.openpayer.bulkexport.export.ExportTestClient.s3;

import io.minio.GetObjectArgs;
import io.minio.StatObjectArgs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.export.ExportTestClient;
import org.openpayer.bulkexport.export.ExportTestResource;
import org.openpayer.bulkexport.export.GzipRollingTestResource;
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
 * Files rolled over by count within one task, and stored gzipped with the metadata file-service negotiates on: every
 * resource lands in exactly one part, each part is valid gzip of NDJSON, and the manifest counts match.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = GzipRollingTestResource.class, restrictToAnnotatedClass = true)
class GzipRollingIT {

    @Test
    void oneTasksResources_rollOverIntoGzippedParts_eachResourceOnce() throws Exception {
        String token = ExportTestResource.TOKENS.token("roll-clinic", "system/*.rs", List.of(),
                List.of(MemberDataFixture.NPI));

        JsonPath manifest = awaitManifest(token, ExportTestClient.kickOff(token,
                "/fhir/Group/" + MemberDataFixture.GROUP + "/$export", "_type=Patient,Coverage"));

        List<Map<String, Object>> outputs = manifest.getList("output");
        List<String> patients = new ArrayList<>();
        for (Map<String, Object> output : outputs) {
            String url = (String) output.get("url");
            String[] path = url.substring(url.indexOf("/files/") + "/files/".length()).split("/");
            String key = ExportFileNames.objectKey(UUID.fromString(path[0]), path[1]);
            assertThat(s3().statObject(StatObjectArgs.builder().bucket("bulk-export").object(key).build())
                    .userMetadata().getFirst(ExportObjectMetadata.CONTENT_CODING)).isEqualTo("gzip");
            try (InputStream gzip = new GZIPInputStream(s3().getObject(
                    GetObjectArgs.builder().bucket("bulk-export").object(key).build()))) {
                List<String> lines = new String(gzip.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                assertThat(lines).hasSize((Integer) output.get("count"))
                        .hasSizeLessThanOrEqualTo(GzipRollingTestResource.RESOURCES_PER_FILE);
                if ("Patient".equals(output.get("type"))) {
                    patients.addAll(lines);
                }
            }
        }
        List<String> patientFiles = outputs.stream().filter(output -> "Patient".equals(output.get("type")))
                .map(output -> (String) output.get("url")).toList();
        assertThat(patientFiles).as("two members in one task: one resource per part").hasSize(2)
                .anyMatch(url -> url.endsWith("-1-1.Patient.ndjson"))
                .anyMatch(url -> url.endsWith("-1-2.Patient.ndjson"));
        assertThat(patients).containsExactlyInAnyOrder(
                MemberDataFixture.content("Patient", "p1", "p1", MemberDataFixture.OLD),
                MemberDataFixture.content("Patient", "p2", "p2", MemberDataFixture.OLD));
    }
}

package org.openpayer.bulkexport.file.download;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.file.FileServiceTestResource;
import org.openpayer.bulkexport.model.storage.ExportFileNames;
import org.openpayer.bulkexport.model.storage.ExportObjectMetadata;
import org.openpayer.bulkexport.objectstore.ObjectStores;
import org.openpayer.bulkexport.stack.infra.InfraEndpoints;
import org.openpayer.bulkexport.stack.testing.RealServersResource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Downloads against a real S3 server: the owner gets the exact bytes, everyone else a FHIR error. */
@QuarkusIntegrationTest
@QuarkusTestResource(FileServiceTestResource.class)
class FileDownloadIT {

    private static final String OWNER = "east-clinic";
    private static final UUID JOB = UUID.randomUUID();
    private static final String FILE = ExportFileNames.fileName(JOB, 1, "Coverage");
    /** Large enough to span many storage reads and response writes. */
    private static final byte[] CONTENT = ndjson(20_000);
    private static boolean stored;

    @BeforeEach
    void storeFileOnce() throws Exception {
        if (!stored) {
            InfraEndpoints endpoints = RealServersResource.infrastructure().endpoints();
            MinioClient s3 = MinioClient.builder().endpoint(endpoints.s3Endpoint())
                    .credentials(endpoints.s3AccessKey(), endpoints.s3SecretKey()).region("us-east-1").build();
            ObjectStores.ensureBucket(s3, "bulk-export");
            s3.putObject(PutObjectArgs.builder().bucket("bulk-export")
                    .object(ExportFileNames.objectKey(JOB, FILE))
                    .stream(new ByteArrayInputStream(CONTENT), (long) CONTENT.length, null)
                    .contentType("application/fhir+ndjson")
                    .userMetadata(Map.of(ExportObjectMetadata.CLIENT_ID, OWNER,
                            ExportObjectMetadata.JOB_ID, JOB.toString(),
                            ExportObjectMetadata.RESOURCE_TYPE, "Coverage"))
                    .build());
            stored = true;
        }
    }

    @Test
    void download_byOwner_streamsTheExactFile() {
        byte[] body = given().auth().oauth2(token(OWNER, "system/*.rs"))
                .get(path(FILE))
                .then().statusCode(200)
                .contentType(startsWith("application/fhir+ndjson"))
                .header("Content-Length", String.valueOf(CONTENT.length))
                .extract().asByteArray();

        assertThat(body).isEqualTo(CONTENT);
    }

    @Test
    void download_byV1ScopeForTheType_isAllowed() {
        given().auth().oauth2(token(OWNER, "system/Coverage.read")).get(path(FILE)).then().statusCode(200);
    }

    @Test
    void download_byAnotherClient_is404LikeAMissingFile() {
        given().auth().oauth2(token("west-clinic", "system/*.rs"))
                .get(path(FILE))
                .then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("not-found"));
    }

    @Test
    void download_withoutToken_is401() {
        given().get(path(FILE))
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void download_withTokenThatCannotReadTheType_is403() {
        given().auth().oauth2(token(OWNER, "system/Patient.rs"))
                .get(path(FILE))
                .then().statusCode(403);
    }

    @Test
    void download_missingOrMalformedNames_are404() {
        String token = token(OWNER, "system/*.rs");
        given().auth().oauth2(token).get(path(ExportFileNames.fileName(JOB, 2, "Coverage"))).then().statusCode(404);
        given().auth().oauth2(token).get("/files/" + JOB + "/..%2F..%2Fsecret").then().statusCode(404);
        given().auth().oauth2(token).get("/files/not-a-job/" + FILE).then().statusCode(404);
        given().auth().oauth2(token).get("/files/" + UUID.randomUUID() + "/" + FILE).then().statusCode(404);
    }

    private static String path(String fileName) {
        return "/files/" + JOB + "/" + fileName;
    }

    private static String token(String client, String scope) {
        return FileServiceTestResource.TOKENS.token(client, scope, List.of(), List.of());
    }

    private static byte[] ndjson(int lines) {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            content.append("{\"resourceType\":\"Coverage\",\"id\":\"c").append(i)
                    .append("\",\"status\":\"active\",\"beneficiary\":{\"reference\":\"Patient/p").append(i)
                    .append("\"}}\n");
        }
        return content.toString().getBytes(StandardCharsets.UTF_8);
    }
}

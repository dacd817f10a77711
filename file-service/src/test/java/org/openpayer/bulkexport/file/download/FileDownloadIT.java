package org.openpayer.bulkexport.file.download;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpayer.bulkexport.file.FileServiceTestResource;
import org.openpayer.bulkexport.model.storage.ExportFileKind;
import org.openpayer.bulkexport.model.storage.ExportFileNames;
import org.openpayer.bulkexport.model.storage.ExportObjectMetadata;
import org.openpayer.bulkexport.objectstore.ObjectStores;
import org.openpayer.bulkexport.stack.infra.InfraEndpoints;
import org.openpayer.bulkexport.stack.testing.RealServersResource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * Downloads against real S3 and PostgreSQL servers, over HTTP: the owner gets the exact bytes (whole, ranged, gzip or
 * inflated), everyone else a FHIR error, and every download lands in the audit table.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(FileServiceTestResource.class)
class FileDownloadIT {

    private static final String OWNER = "east-clinic";
    private static final UUID JOB = UUID.randomUUID();
    /** Large enough to span many storage reads and response writes. */
    private static final byte[] CONTENT = ndjson(20_000);
    private static final String FILE = output(1);
    private static final String ERRORS = ExportFileNames.fileName(JOB, 0, 1, ExportFileKind.ERROR, "OperationOutcome");
    private static final String DELETED = ExportFileNames.fileName(JOB, 1, 1, ExportFileKind.DELETED, "Coverage");
    /** Named as output but stored as an error file: the metadata would skip the scope check if it were believed. */
    private static final String MISLABELLED = output(2);
    private static final String GZIPPED = output(3);
    private static final byte[] GZIPPED_BYTES = gzip(CONTENT);
    /** Files only the audit tests download, so the audit rows they look for are theirs. */
    private static final String AUDITED = output(4);
    private static final String AUDITED_RANGE = output(5);
    private static final String AUDITED_INFLATED = output(6);
    /** Far more than a send buffer and a small receive buffer hold, so a client that goes away is noticed mid-file. */
    private static final String LARGE = output(7);
    private static final int LARGE_LINES = 120_000;
    /** One PUT per file (no multipart upload): every test file is smaller. */
    private static final long PART_SIZE = 64L << 20;
    /** The bytes as they travel: no Accept-Encoding unless a test sends one, and no decoding of the answer. */
    private static final RestAssuredConfig RAW = RestAssured.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
    private static boolean stored;

    @BeforeEach
    void storeFilesOnce() throws Exception {
        if (!stored) {
            InfraEndpoints endpoints = RealServersResource.infrastructure().endpoints();
            MinioClient s3 = MinioClient.builder().endpoint(endpoints.s3Endpoint())
                    .credentials(endpoints.s3AccessKey(), endpoints.s3SecretKey()).region("us-east-1").build();
            ObjectStores.ensureBucket(s3, "bulk-export");
            for (String file : List.of(FILE, AUDITED, AUDITED_RANGE)) {
                store(s3, file, CONTENT, metadata(ExportFileKind.OUTPUT, "Coverage"));
            }
            store(s3, ERRORS, CONTENT, metadata(ExportFileKind.ERROR, "OperationOutcome"));
            store(s3, DELETED, CONTENT, metadata(ExportFileKind.DELETED, "Coverage"));
            store(s3, MISLABELLED, CONTENT, metadata(ExportFileKind.ERROR, "Coverage"));
            for (String file : List.of(GZIPPED, AUDITED_INFLATED)) {
                Map<String, String> gzipped = metadata(ExportFileKind.OUTPUT, "Coverage");
                gzipped.put(ExportObjectMetadata.CONTENT_CODING, ExportObjectMetadata.GZIP);
                store(s3, file, GZIPPED_BYTES, gzipped);
            }
            store(s3, LARGE, ndjson(LARGE_LINES), metadata(ExportFileKind.OUTPUT, "Coverage"));
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
                .header("Accept-Ranges", "bytes")
                .header("Vary", "Accept-Encoding")
                .header("ETag", startsWith("\""))
                .header("Last-Modified", not(emptyString()))
                .header("Content-Encoding", nullValue())
                .extract().asByteArray();

        assertThat(body).isEqualTo(CONTENT);
    }

    @Test
    void download_manyAtOnce_eachWaitsForAStorageConnectionAndGetsTheExactFile() throws Exception {
        // given: four times as many downloads as storage connections
        int downloads = 4 * FileServiceTestResource.STORAGE_CONNECTIONS;
        String token = token(OWNER, "system/*.rs");
        ExecutorService clients = Executors.newFixedThreadPool(downloads);
        try {
            // when
            List<Future<byte[]>> bodies = new ArrayList<>();
            for (int i = 0; i < downloads; i++) {
                bodies.add(clients.submit(() -> given().auth().oauth2(token).get(path(FILE))
                        .then().statusCode(200).extract().asByteArray()));
            }

            // then
            for (Future<byte[]> body : bodies) {
                assertThat(body.get(60, TimeUnit.SECONDS)).isEqualTo(CONTENT);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void download_refusedAfterReadingStorage_givesTheConnectionBack() {
        // given: each refusal is decided from a storage answer whose body is then dropped
        String stranger = token("west-clinic", "system/*.rs");
        for (int i = 0; i < 3 * FileServiceTestResource.STORAGE_CONNECTIONS; i++) {
            given().auth().oauth2(stranger).get(path(FILE)).then().statusCode(404);
        }

        // then
        byte[] body = given().auth().oauth2(token(OWNER, "system/*.rs")).get(path(FILE))
                .then().statusCode(200).extract().asByteArray();
        assertThat(body).isEqualTo(CONTENT);
    }

    @Test
    void download_tokensOfTwoClientsInTurn_eachIsJudgedByItsOwnClaims() {
        // given: the same two tokens again and again, as verified tokens are reused
        String owner = token(OWNER, "system/*.rs");
        String stranger = token("west-clinic", "system/*.rs");

        // then
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(owner).head(path(FILE)).then().statusCode(200);
            given().auth().oauth2(stranger).head(path(FILE)).then().statusCode(404);
        }
        given().auth().oauth2(FileServiceTestResource.TOKENS.expiredToken(OWNER, "system/*.rs"))
                .head(path(FILE)).then().statusCode(401);
        given().auth().oauth2(FileServiceTestResource.TOKENS.tokenFromUnknownKey(OWNER, "system/*.rs"))
                .head(path(FILE)).then().statusCode(401);
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
        given().auth().oauth2(token).get(path(output(99))).then().statusCode(404);
        given().auth().oauth2(token).get("/files/" + JOB + "/..%2F..%2Fsecret").then().statusCode(404);
        given().auth().oauth2(token).get("/files/not-a-job/" + FILE).then().statusCode(404);
        given().auth().oauth2(token).get("/files/" + UUID.randomUUID() + "/" + FILE).then().statusCode(404);
    }

    @Test
    void download_errorFileByOwner_needsNoOperationOutcomeScope() {
        // when
        byte[] body = given().auth().oauth2(token(OWNER, "system/Patient.rs"))
                .get(path(ERRORS))
                .then().statusCode(200)
                .extract().asByteArray();

        // then
        assertThat(body).isEqualTo(CONTENT);
        given().auth().oauth2(token("west-clinic", "system/*.rs")).get(path(ERRORS)).then().statusCode(404);
    }

    @Test
    void download_deletedFile_needsTheDeletedTypesScope() {
        given().auth().oauth2(token(OWNER, "system/Patient.rs")).get(path(DELETED)).then().statusCode(403);

        byte[] body = given().auth().oauth2(token(OWNER, "system/Coverage.rs"))
                .get(path(DELETED))
                .then().statusCode(200)
                .extract().asByteArray();

        assertThat(body).isEqualTo(CONTENT);
    }

    @Test
    void download_metadataContradictingTheName_is404() {
        given().auth().oauth2(token(OWNER, "system/*.rs")).get(path(MISLABELLED)).then().statusCode(404);
    }

    @Test
    void head_byOwner_hasTheHeadersOfGetWithoutBody() {
        // given
        String token = token(OWNER, "system/*.rs");
        String etag = given().auth().oauth2(token).get(path(FILE)).then().statusCode(200).extract().header("ETag");

        // when
        Response head = given().auth().oauth2(token).head(path(FILE));

        // then
        head.then().statusCode(200)
                .contentType(startsWith("application/fhir+ndjson"))
                .header("Content-Length", String.valueOf(CONTENT.length))
                .header("Accept-Ranges", "bytes")
                .header("Vary", "Accept-Encoding")
                .header("ETag", etag)
                .header("Last-Modified", not(emptyString()));
        assertThat(head.asByteArray()).isEmpty();
    }

    @Test
    void head_refusals_matchGet() {
        given().auth().oauth2(token("west-clinic", "system/*.rs")).head(path(FILE)).then().statusCode(404);
        given().auth().oauth2(token(OWNER, "system/Patient.rs")).head(path(FILE)).then().statusCode(403);
        given().auth().oauth2(token(OWNER, "system/*.rs")).head(path(output(99))).then().statusCode(404);
    }

    @Test
    void download_firstBytes_is206WithThoseBytes() {
        assertRange("bytes=0-99", 0, 99);
    }

    @Test
    void download_suffixRange_isTheLastBytes() {
        assertRange("bytes=-500", CONTENT.length - 500, CONTENT.length - 1);
    }

    @Test
    void download_openEndedRange_isTheRestOfTheFile() {
        assertRange("bytes=" + (CONTENT.length - 1234) + "-", CONTENT.length - 1234, CONTENT.length - 1);
    }

    @Test
    void download_rangePastTheEnd_is416WithTheSize() {
        given().auth().oauth2(token(OWNER, "system/*.rs"))
                .header("Range", "bytes=" + CONTENT.length + "-")
                .get(path(FILE))
                .then().statusCode(416)
                .header("Content-Range", "bytes */" + CONTENT.length)
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-9,20-29", "bytes=9-0", "bytes=abc", "lines=1-2", "bytes=", "=-"})
    void download_malformedOrMultipleRanges_sendsTheWholeFile(String range) {
        byte[] body = given().auth().oauth2(token(OWNER, "system/*.rs"))
                .header("Range", range)
                .get(path(FILE))
                .then().statusCode(200)
                .header("Content-Range", nullValue())
                .extract().asByteArray();

        assertThat(body).isEqualTo(CONTENT);
    }

    @Test
    void download_ifRange_appliesTheRangeOnlyForTheCurrentEtag() {
        // given
        String token = token(OWNER, "system/*.rs");
        String etag = given().auth().oauth2(token).head(path(FILE)).then().extract().header("ETag");

        // then
        given().auth().oauth2(token).header("Range", "bytes=0-9").header("If-Range", etag)
                .get(path(FILE)).then().statusCode(206);
        given().auth().oauth2(token).header("Range", "bytes=0-9").header("If-Range", "\"stale\"")
                .get(path(FILE)).then().statusCode(200).header("Content-Length", String.valueOf(CONTENT.length));
    }

    @Test
    void download_gzipStoredForGzipClient_sendsTheStoredGzip() {
        byte[] body = given().config(RAW).auth().oauth2(token(OWNER, "system/*.rs"))
                .header("Accept-Encoding", "br, gzip;q=0.8")
                .get(path(GZIPPED))
                .then().statusCode(200)
                .header("Content-Encoding", "gzip")
                .header("Vary", "Accept-Encoding")
                .header("Content-Length", String.valueOf(GZIPPED_BYTES.length))
                .extract().asByteArray();

        assertThat(body).isEqualTo(GZIPPED_BYTES);
    }

    @Test
    void download_gzipStoredWithRange_rangesTheStoredGzip() {
        byte[] body = given().config(RAW).auth().oauth2(token(OWNER, "system/*.rs"))
                .header("Accept-Encoding", "gzip")
                .header("Range", "bytes=10-19")
                .get(path(GZIPPED))
                .then().statusCode(206)
                .header("Content-Encoding", "gzip")
                .header("Content-Range", "bytes 10-19/" + GZIPPED_BYTES.length)
                .extract().asByteArray();

        assertThat(body).isEqualTo(Arrays.copyOfRange(GZIPPED_BYTES, 10, 20));
    }

    @Test
    void download_gzipStoredForClientWithoutGzip_inflatesWithoutLengthOrRanges() {
        byte[] body = given().config(RAW).auth().oauth2(token(OWNER, "system/*.rs"))
                .header("Range", "bytes=0-9")
                .get(path(GZIPPED))
                .then().statusCode(200)
                .header("Content-Encoding", nullValue())
                .header("Content-Length", nullValue())
                .header("Accept-Ranges", "none")
                .header("Vary", "Accept-Encoding")
                .extract().asByteArray();

        assertThat(body).isEqualTo(CONTENT);
    }

    @Test
    void download_gzipRefusedByQZero_inflates() {
        byte[] body = given().config(RAW).auth().oauth2(token(OWNER, "system/*.rs"))
                .header("Accept-Encoding", "gzip;q=0, identity")
                .get(path(GZIPPED))
                .then().statusCode(200)
                .header("Content-Encoding", nullValue())
                .extract().asByteArray();

        assertThat(body).isEqualTo(CONTENT);
    }

    @Test
    void download_whole_isAuditedWithTheBytesSent() throws SQLException {
        // when
        byte[] body = given().auth().oauth2(token(OWNER, "system/*.rs")).get(path(AUDITED))
                .then().statusCode(200).extract().asByteArray();

        // then
        AuditRow row = awaitFinishedAudit(AUDITED);
        assertThat(row).isEqualTo(new AuditRow(OWNER, JOB, AUDITED, "Coverage", "output", "identity", null, 200,
                body.length, true));
        assertThat(row.bytesSent()).isEqualTo(CONTENT.length);
    }

    @Test
    void download_range_isAuditedWithTheRangeAndItsBytes() throws SQLException {
        // when
        byte[] body = given().auth().oauth2(token(OWNER, "system/*.rs")).header("Range", "bytes=100-1099")
                .get(path(AUDITED_RANGE)).then().statusCode(206).extract().asByteArray();

        // then
        assertThat(awaitFinishedAudit(AUDITED_RANGE)).isEqualTo(new AuditRow(OWNER, JOB, AUDITED_RANGE, "Coverage",
                "output", "identity", "bytes=100-1099", 206, body.length, true));
        assertThat(body).hasSize(1000);
    }

    @Test
    void download_inflated_isAuditedWithTheInflatedBytes() throws SQLException {
        // when
        byte[] body = given().config(RAW).auth().oauth2(token(OWNER, "system/*.rs")).get(path(AUDITED_INFLATED))
                .then().statusCode(200).extract().asByteArray();

        // then
        assertThat(awaitFinishedAudit(AUDITED_INFLATED)).isEqualTo(new AuditRow(OWNER, JOB, AUDITED_INFLATED,
                "Coverage", "output", "inflated", null, 200, CONTENT.length, true));
        assertThat(body).hasSize(CONTENT.length);
    }

    @Test
    void download_abortedByClient_isAuditedAsIncomplete() throws Exception {
        // given
        URI server = URI.create(RestAssured.baseURI);
        String request = "GET " + path(LARGE) + " HTTP/1.1\r\nHost: " + server.getHost() + "\r\n"
                + "Authorization: Bearer " + token(OWNER, "system/*.rs") + "\r\n\r\n";

        // when: a client with a small receive window reads the start of the file and resets the connection
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(16 * 1024);
            socket.connect(new InetSocketAddress(server.getHost(), RestAssured.port));
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(socket.getInputStream().readNBytes(64 * 1024)).hasSize(64 * 1024);
            socket.setSoLinger(true, 0);
        }

        // then
        AuditRow row = awaitFinishedAudit(LARGE);
        assertThat(row.completed()).isFalse();
        assertThat(row.status()).isEqualTo(200);
        assertThat(row.bytesSent()).isPositive().isLessThan(ndjsonLength(LARGE_LINES));
    }

    private static void assertRange(String range, long first, long last) {
        byte[] body = given().auth().oauth2(token(OWNER, "system/*.rs"))
                .header("Range", range)
                .get(path(FILE))
                .then().statusCode(206)
                .header("Content-Range", "bytes " + first + "-" + last + "/" + CONTENT.length)
                .header("Content-Length", String.valueOf(last - first + 1))
                .extract().asByteArray();

        assertThat(body).isEqualTo(Arrays.copyOfRange(CONTENT, (int) first, (int) last + 1));
    }

    /** One row of {@code files.download_audit}, without its times. */
    private record AuditRow(String clientId, UUID jobId, String fileName, String resourceType, String fileKind,
                            String encoding, String rangeRequested, int status, long bytesSent, boolean completed) {
    }

    /** The one audit row of {@code fileName}, once its download has finished (the server writes it after the body). */
    private static AuditRow awaitFinishedAudit(String fileName) throws SQLException {
        await().atMost(Duration.ofSeconds(30)).until(() -> finishedAudits(fileName).size() == 1);
        return finishedAudits(fileName).get(0);
    }

    private static List<AuditRow> finishedAudits(String fileName) throws SQLException {
        InfraEndpoints endpoints = RealServersResource.infrastructure().endpoints();
        try (Connection connection = DriverManager.getConnection(
                endpoints.jdbcUrl(), endpoints.dbUsername(), endpoints.dbPassword());
             PreparedStatement query = connection.prepareStatement(
                     "select client_id, job_id, file_name, resource_type, file_kind, encoding, range_requested, "
                             + "status, bytes_sent, completed from files.download_audit "
                             + "where file_name = ? and finished_at >= started_at")) {
            query.setString(1, fileName);
            List<AuditRow> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new AuditRow(result.getString(1), result.getObject(2, UUID.class), result.getString(3),
                            result.getString(4), result.getString(5), result.getString(6), result.getString(7),
                            result.getInt(8), result.getLong(9), result.getBoolean(10)));
                }
            }
            return rows;
        }
    }

    private static void store(MinioClient s3, String fileName, byte[] content, Map<String, String> metadata)
            throws Exception {
        s3.putObject(PutObjectArgs.builder().bucket("bulk-export")
                .object(ExportFileNames.objectKey(JOB, fileName))
                .stream(new ByteArrayInputStream(content), (long) content.length, PART_SIZE)
                .contentType("application/fhir+ndjson")
                .userMetadata(metadata)
                .build());
    }

    private static Map<String, String> metadata(ExportFileKind kind, String resourceType) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put(ExportObjectMetadata.CLIENT_ID, OWNER);
        metadata.put(ExportObjectMetadata.JOB_ID, JOB.toString());
        metadata.put(ExportObjectMetadata.RESOURCE_TYPE, resourceType);
        metadata.put(ExportObjectMetadata.FILE_KIND, kind.wireName());
        return metadata;
    }

    private static String output(int seq) {
        return ExportFileNames.fileName(JOB, seq, 1, ExportFileKind.OUTPUT, "Coverage");
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
            content.append(line(i));
        }
        return content.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long ndjsonLength(int lines) {
        long length = 0;
        for (int i = 0; i < lines; i++) {
            length += line(i).length();
        }
        return length;
    }

    private static String line(int i) {
        return "{\"resourceType\":\"Coverage\",\"id\":\"c" + i + "\",\"status\":\"active\","
                + "\"beneficiary\":{\"reference\":\"Patient/p" + i + "\"}}\n";
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return gzipped.toByteArray();
    }
}

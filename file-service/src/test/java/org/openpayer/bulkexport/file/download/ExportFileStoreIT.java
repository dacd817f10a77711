package org.openpayer.bulkexport.file.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.file.config.FileObjectStoreConfig;
import org.openpayer.bulkexport.model.storage.ExportFileKind;
import org.openpayer.bulkexport.model.storage.ExportFileNames.ExportFile;
import org.openpayer.bulkexport.model.storage.ExportObjectMetadata;
import org.openpayer.bulkexport.objectstore.ObjectStores;
import org.openpayer.bulkexport.rest.FhirException;
import org.openpayer.bulkexport.stack.infra.InfraEndpoints;
import org.openpayer.bulkexport.stack.infra.ServerKind;
import org.openpayer.bulkexport.stack.testing.RealServersResource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The store against a real S3 server, for what HTTP tests cannot time: a file purged or replaced between the metadata
 * check and the read answers 404 or 503, never a body that contradicts the headers already chosen; and a whole file
 * read in one request comes with the metadata of the very bytes it streams.
 */
class ExportFileStoreIT {

    private static final String BUCKET = "bulk-export";
    private static MinioClient s3;
    private static Vertx vertx;
    private static ExportFileStore store;

    @BeforeAll
    static void connect() throws Exception {
        InfraEndpoints endpoints = RealServersResource.infrastructure().ensure(EnumSet.of(ServerKind.S3));
        s3 = MinioClient.builder().endpoint(endpoints.s3Endpoint())
                .credentials(endpoints.s3AccessKey(), endpoints.s3SecretKey()).region("us-east-1").build();
        ObjectStores.ensureBucket(s3, BUCKET);
        vertx = Vertx.vertx();
        store = new ExportFileStore(new FileObjectStoreConfig() {
            @Override
            public String endpoint() {
                return endpoints.s3Endpoint();
            }

            @Override
            public String accessKey() {
                return endpoints.s3AccessKey();
            }

            @Override
            public String secretKey() {
                return endpoints.s3SecretKey();
            }

            @Override
            public String bucket() {
                return BUCKET;
            }

            @Override
            public String region() {
                return "us-east-1";
            }

            @Override
            public int maxConnections() {
                return 4;
            }
        }, vertx);
    }

    @AfterAll
    static void stopVertx() {
        vertx.close();
    }

    @Test
    void find_storedFile_readsMetadataSizeAndEtag() throws Exception {
        // given
        ExportFile name = aFile();
        put(name, "{\"id\":\"1\"}\n");

        // when
        StoredFile file = store.find(name).orElseThrow();

        // then
        assertThat(file.ownerClientId()).isEqualTo("east-clinic");
        assertThat(file.kind()).isEqualTo("output");
        assertThat(file.resourceType()).isEqualTo("Coverage");
        assertThat(file.contentCoding()).isEqualTo("gzip");
        assertThat(file.size()).isEqualTo(11);
        assertThat(file.etag()).isNotBlank().doesNotContain("\"");
        assertThat(store.find(aFile())).isEmpty();
    }

    @Test
    void open_wholeFile_describesAndStreamsItFromOneAnswer() throws Exception {
        // given
        ExportFile name = aFile();
        put(name, "0123456789");

        // when
        ExportFileStore.Opened opened = store.open(name).orElseThrow();

        // then
        assertThat(opened.file()).isEqualTo(store.find(name).orElseThrow());
        assertThat(read(opened.bytes())).isEqualTo("0123456789");
        assertThat(store.open(aFile())).isEmpty();
    }

    @Test
    void open_largeFile_arrivesInChunksLargerThanNettysDefault() throws Exception {
        // given
        ExportFile name = aFile();
        put(name, "x".repeat(4 << 20));
        StoredBytes bytes = store.open(name).orElseThrow().bytes();

        // when
        CompletableFuture<Integer> largest = new CompletableFuture<>();
        int[] max = {0};
        bytes.stream().exceptionHandler(largest::completeExceptionally);
        bytes.stream().endHandler(ignored -> largest.complete(max[0]));
        bytes.stream().handler(chunk -> max[0] = Math.max(max[0], chunk.length()));
        bytes.stream().resume();

        // then: each chunk becomes one write to the client, so 8 KiB chunks would mean eight times the writes
        assertThat(largest.get(10, TimeUnit.SECONDS)).isGreaterThan(8 * 1024);
    }

    @Test
    void open_manyDiscarded_leavesNoConnectionTaken() throws Exception {
        // given: more files than the pool has connections
        ExportFile name = aFile();
        put(name, "0123456789");

        // when: each read is dropped before its body is read
        for (int i = 0; i < 10; i++) {
            store.open(name).orElseThrow().bytes().discard().run();
        }

        // then
        assertThat(read(store.open(name).orElseThrow().bytes())).isEqualTo("0123456789");
    }

    @Test
    void open_range_readsOnlyThoseBytes() throws Exception {
        // given
        ExportFile name = aFile();
        put(name, "0123456789");
        StoredFile file = store.find(name).orElseThrow();

        // when
        String bytes = read(store.open(file, Optional.of(new ByteRange(2, 5))));

        // then
        assertThat(bytes).isEqualTo("2345");
    }

    @Test
    void open_unchangedFileWithoutRange_readsItAll() throws Exception {
        // given
        ExportFile name = aFile();
        put(name, "0123456789");
        StoredFile file = store.find(name).orElseThrow();

        // then
        assertThat(read(store.open(file, Optional.empty()))).isEqualTo("0123456789");
    }

    @Test
    void open_fileReplacedSinceFind_is503() throws Exception {
        // given
        ExportFile name = aFile();
        put(name, "first version\n");
        StoredFile file = store.find(name).orElseThrow();
        put(name, "second, longer version\n");

        // then
        assertThatThrownBy(() -> store.open(file, Optional.empty()))
                .isInstanceOfSatisfying(FhirException.class,
                        e -> assertThat(e.status().getStatusCode()).isEqualTo(503));
    }

    @Test
    void open_filePurgedSinceFind_is404() throws Exception {
        // given
        ExportFile name = aFile();
        put(name, "soon gone\n");
        StoredFile file = store.find(name).orElseThrow();
        s3.removeObject(RemoveObjectArgs.builder().bucket(BUCKET).object(name.objectKey()).build());

        // then
        assertThatThrownBy(() -> store.open(file, Optional.empty()))
                .isInstanceOfSatisfying(FhirException.class,
                        e -> assertThat(e.status().getStatusCode()).isEqualTo(404));
    }

    /** Lets the paused body flow and collects it. */
    private static String read(StoredBytes bytes) throws Exception {
        CompletableFuture<String> body = new CompletableFuture<>();
        Buffer collected = Buffer.buffer();
        bytes.stream().exceptionHandler(body::completeExceptionally);
        bytes.stream().endHandler(ignored -> body.complete(collected.toString(StandardCharsets.UTF_8)));
        bytes.stream().handler(collected::appendBuffer);
        bytes.stream().resume();
        return body.get(10, TimeUnit.SECONDS);
    }

    private static ExportFile aFile() {
        return new ExportFile(UUID.randomUUID(), 1, 1, ExportFileKind.OUTPUT, "Coverage");
    }

    private static void put(ExportFile name, String content) throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        s3.putObject(PutObjectArgs.builder().bucket(BUCKET).object(name.objectKey())
                .stream(new ByteArrayInputStream(bytes), (long) bytes.length, null)
                .userMetadata(Map.of(ExportObjectMetadata.CLIENT_ID, "east-clinic",
                        ExportObjectMetadata.FILE_KIND, "output",
                        ExportObjectMetadata.RESOURCE_TYPE, "Coverage",
                        ExportObjectMetadata.CONTENT_CODING, ExportObjectMetadata.GZIP))
                .build());
    }
}

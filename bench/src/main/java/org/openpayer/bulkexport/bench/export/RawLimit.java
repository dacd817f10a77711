package org.openpayer.bulkexport.bench.export;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import org.openpayer.bulkexport.stack.infra.InfraEndpoints;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;

/**
 * The raw limit the export is measured against: the same rows (every current resource in a patient compartment) read
 * by one streaming query straight into one S3 multipart upload, with nothing of the suite in between. What is left
 * of the machine's disk, database and object store when no code of ours runs.
 */
final class RawLimit {

    private static final String ROWS = """
            select content from attribution.resource
            where patient_id is not null and not deleted order by resource_type, patient_id, id""";
    private static final long PART_SIZE = 5L * 1024 * 1024;

    private RawLimit() {
    }

    /** Streams the rows into {@code bucket/raw-limit.ndjson}; returns lines and bytes written and the seconds taken. */
    static Transfer run(InfraEndpoints infra, String bucket) throws Exception {
        MinioClient s3 = MinioClient.builder().endpoint(infra.s3Endpoint())
                .credentials(infra.s3AccessKey(), infra.s3SecretKey()).region("us-east-1").build();
        long started = System.nanoTime();
        PipedInputStream upload = new PipedInputStream(1 << 20);
        PipedOutputStream rows = new PipedOutputStream(upload);
        CompletableFuture<long[]> reader = CompletableFuture.supplyAsync(() -> copyRows(infra, rows));
        s3.putObject(PutObjectArgs.builder().bucket(bucket).object("raw-limit.ndjson")
                .stream(upload, null, PART_SIZE).contentType("application/fhir+ndjson").build());
        long[] counts = reader.join();
        return new Transfer(counts[0], counts[1], (System.nanoTime() - started) / 1e9);
    }

    private static long[] copyRows(InfraEndpoints infra, OutputStream out) {
        long lines = 0;
        long bytes = 0;
        try (out; Connection connection = DriverManager.getConnection(infra.jdbcUrl(), infra.dbUsername(),
                infra.dbPassword())) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(ROWS)) {
                statement.setFetchSize(500);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        byte[] line = result.getBytes(1);
                        out.write(line);
                        out.write('\n');
                        lines++;
                        bytes += line.length + 1;
                    }
                }
            }
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("reading the rows failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new long[] {lines, bytes};
    }

    /** What one transfer moved, and how fast. */
    record Transfer(long resources, long bytes, double seconds) {

        double resourcesPerSecond() {
            return resources / seconds;
        }

        double megabytesPerSecond() {
            return bytes / 1e6 / seconds;
        }
    }
}

package org.openpayer.bulkexport.file.download;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import org.openpayer.bulkexport.file.config.FileObjectStoreConfig;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.model.storage.ExportFileNames.ExportFile;
import org.openpayer.bulkexport.model.storage.ExportObjectMetadata;
import org.openpayer.bulkexport.rest.FhirException;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * Reads export files from object storage. A whole file takes one GET, whose answer carries the metadata that decides
 * who may read it along with its bytes, so the two always describe the same object. A byte range takes a HEAD for
 * the metadata and size first, then a GET of those bytes conditional on the ETag the HEAD saw.
 */
@ApplicationScoped
public class ExportFileStore {

    private static final String USER_METADATA = "x-amz-meta-";
    private static final String IF_MATCH = "If-Match";
    private static final String RANGE = "Range";
    private static final int NOT_FOUND = 404;
    /** S3's answer to a read whose {@code If-Match} no longer holds: the object was replaced. */
    private static final int PRECONDITION_FAILED = 412;

    /** A stored file and its bytes, from one answer of storage. */
    record Opened(StoredFile file, StoredBytes bytes) {
    }

    private final ObjectReads reads;

    public ExportFileStore(FileObjectStoreConfig config, Vertx vertx) {
        this.reads = new ObjectReads(config, vertx);
    }

    /** The stored file of that name, or empty when there is none (never written, or purged). */
    public Optional<StoredFile> find(ExportFile name) {
        HttpClientResponse answer = reads.send(HttpMethod.HEAD, name.objectKey(), Map.of());
        if (answer.statusCode() == NOT_FOUND) {
            return Optional.empty();
        }
        return Optional.of(described(name, answer));
    }

    /**
     * The stored file of that name with all its bytes, ready to stream, or empty when there is none. The caller
     * relays the bytes or {@linkplain StoredBytes#discard() discards} them.
     */
    Optional<Opened> open(ExportFile name) {
        HttpClientResponse answer = reads.send(HttpMethod.GET, name.objectKey(), Map.of());
        if (answer.statusCode() == NOT_FOUND) {
            return Optional.empty();
        }
        StoredFile file;
        try {
            file = described(name, answer);
        } catch (RuntimeException e) {
            StoredBytes.of(answer).discard().run();
            throw e;
        }
        return Optional.of(new Opened(file, StoredBytes.of(answer)));
    }

    /**
     * The stored bytes, or one range of them, of a file {@link #find} described. The read is conditional on the ETag
     * it saw, so the lengths already promised to the client hold: a file purged since answers 404 and a file replaced
     * since answers 503 (try again), rather than a body that contradicts its headers.
     */
    StoredBytes open(StoredFile file, Optional<ByteRange> range) {
        String ifMatch = "\"" + file.etag() + "\"";
        Map<String, String> headers = range
                .map(bytes -> Map.of(IF_MATCH, ifMatch, RANGE, "bytes=" + bytes.first() + "-" + bytes.last()))
                .orElseGet(() -> Map.of(IF_MATCH, ifMatch));
        HttpClientResponse answer = reads.send(HttpMethod.GET, file.name().objectKey(), headers);
        return switch (answer.statusCode()) {
            case 200, 206 -> StoredBytes.of(answer);
            case NOT_FOUND -> throw FileAccess.notFound(file.name());
            case PRECONDITION_FAILED -> throw new FhirException(Status.SERVICE_UNAVAILABLE, IssueType.TRANSIENT,
                    "The file changed while it was being read; try again.");
            default -> throw unexpected(file.name(), answer);
        };
    }

    /** The file as a 200 answer's headers describe it: the worker's metadata and what S3 knows itself. */
    private static StoredFile described(ExportFile name, HttpClientResponse answer) {
        if (answer.statusCode() != 200) {
            throw unexpected(name, answer);
        }
        MultiMap headers = answer.headers();
        String length = headers.get(HttpHeaders.CONTENT_LENGTH);
        String etag = headers.get(HttpHeaders.ETAG);
        String lastModified = headers.get(HttpHeaders.LAST_MODIFIED);
        if (length == null || etag == null || lastModified == null) {
            throw new IllegalStateException("storage described " + name.objectKey() + " without length, ETag or date");
        }
        return new StoredFile(name,
                headers.get(USER_METADATA + ExportObjectMetadata.CLIENT_ID),
                headers.get(USER_METADATA + ExportObjectMetadata.FILE_KIND),
                headers.get(USER_METADATA + ExportObjectMetadata.RESOURCE_TYPE),
                headers.get(USER_METADATA + ExportObjectMetadata.CONTENT_CODING),
                Long.parseLong(length), unquoted(etag), httpDate(lastModified));
    }

    private static Instant httpDate(String value) {
        return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    private static String unquoted(String etag) {
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1) : etag;
    }

    private static IllegalStateException unexpected(ExportFile name, HttpClientResponse answer) {
        return new IllegalStateException("storage answered " + answer.statusCode() + " for " + name.objectKey());
    }
}

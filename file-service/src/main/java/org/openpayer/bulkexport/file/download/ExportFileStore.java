package org.openpayer.bulkexport.file.download;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import org.openpayer.bulkexport.file.config.FileObjectStoreConfig;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.model.storage.ExportFileNames.ExportFile;
import org.openpayer.bulkexport.model.storage.ExportObjectMetadata;
import org.openpayer.bulkexport.objectstore.ObjectStores;
import org.openpayer.bulkexport.rest.FhirException;

import java.io.InputStream;
import java.util.Optional;
import java.util.Set;

/** Reads export files from object storage: what they are from their metadata first, then their bytes as a stream. */
@ApplicationScoped
public class ExportFileStore {

    /** S3 error codes that mean the object is not there. */
    private static final Set<String> MISSING = Set.of("NoSuchKey", "NoSuchObject", "NoSuchBucket");
    /** S3's answer to a read whose {@code If-Match} no longer holds: the object was replaced. */
    private static final String CHANGED = "PreconditionFailed";

    private final MinioClient client;
    private final String bucket;

    public ExportFileStore(FileObjectStoreConfig config) {
        this.client = ObjectStores.client(config);
        this.bucket = config.bucket();
    }

    /** The stored file of that name, or empty when there is none (never written, or purged). */
    public Optional<StoredFile> find(ExportFile name) throws MinioException {
        try {
            StatObjectResponse stat = client.statObject(
                    StatObjectArgs.builder().bucket(bucket).object(name.objectKey()).build());
            return Optional.of(new StoredFile(name,
                    stat.userMetadata().getFirst(ExportObjectMetadata.CLIENT_ID),
                    stat.userMetadata().getFirst(ExportObjectMetadata.FILE_KIND),
                    stat.userMetadata().getFirst(ExportObjectMetadata.RESOURCE_TYPE),
                    stat.userMetadata().getFirst(ExportObjectMetadata.CONTENT_CODING),
                    stat.size(), stat.etag(), stat.lastModified().toInstant()));
        } catch (ErrorResponseException e) {
            if (MISSING.contains(e.errorResponse().code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The stored bytes, or one range of them, streamed from storage as they are read. The read is conditional on the
     * ETag {@link #find} saw, so the lengths already promised to the client hold: a file purged since answers 404 and
     * a file replaced since answers 503 (try again), rather than a body that contradicts its headers.
     */
    public InputStream open(StoredFile file, Optional<ByteRange> range) throws MinioException {
        GetObjectArgs.Builder read = GetObjectArgs.builder().bucket(bucket).object(file.name().objectKey())
                .matchETag(file.etag());
        range.ifPresent(bytes -> read.offset(bytes.first()).length(bytes.length()));
        try {
            return client.getObject(read.build());
        } catch (ErrorResponseException e) {
            if (MISSING.contains(e.errorResponse().code())) {
                throw FileAccess.notFound(file.name());
            }
            if (CHANGED.equals(e.errorResponse().code())) {
                throw new FhirException(Status.SERVICE_UNAVAILABLE, IssueType.TRANSIENT,
                        "The file changed while it was being read; try again.");
            }
            throw e;
        }
    }
}

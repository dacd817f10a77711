package org.openpayer.bulkexport.file.download;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.file.config.FileObjectStoreConfig;
import org.openpayer.bulkexport.model.storage.ExportObjectMetadata;
import org.openpayer.bulkexport.objectstore.ObjectStores;

import java.io.InputStream;
import java.util.Optional;
import java.util.Set;

/** Reads export files from object storage: their owner and size first, then their bytes as a stream. */
@ApplicationScoped
public class ExportFileStore {

    /** S3 error codes that mean the object is not there. */
    private static final Set<String> MISSING = Set.of("NoSuchKey", "NoSuchObject", "NoSuchBucket");

    private final MinioClient client;
    private final String bucket;

    public ExportFileStore(FileObjectStoreConfig config) {
        this.client = ObjectStores.client(config);
        this.bucket = config.bucket();
    }

    /** What file-service needs to know before sending a byte. */
    public record StoredFile(String key, String ownerClientId, String resourceType, long size) {
    }

    public Optional<StoredFile> find(String key) throws MinioException {
        try {
            StatObjectResponse stat = client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
            return Optional.of(new StoredFile(key,
                    stat.userMetadata().getFirst(ExportObjectMetadata.CLIENT_ID),
                    stat.userMetadata().getFirst(ExportObjectMetadata.RESOURCE_TYPE),
                    stat.size()));
        } catch (ErrorResponseException e) {
            if (MISSING.contains(e.errorResponse().code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The file's bytes, streamed from storage as they are read. */
    public InputStream open(StoredFile file) throws MinioException {
        return client.getObject(GetObjectArgs.builder().bucket(bucket).object(file.key()).build());
    }
}

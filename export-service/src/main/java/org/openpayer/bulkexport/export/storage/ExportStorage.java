package org.openpayer.bulkexport.export.storage;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.export.config.ExportConfig;
import org.openpayer.bulkexport.export.config.ExportObjectStoreConfig;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.objectstore.ObjectStores;

import java.io.InputStream;
import java.util.Map;

/**
 * Export files in S3-compatible storage. Uploads stream: the object is sent in parts of {@link #PART_SIZE} bytes, one
 * part at a time, so a worker holds one part in memory however large the file.
 */
@Startup
@ApplicationScoped
public class ExportStorage {

    /** S3's smallest multipart part; also the most memory one upload holds. */
    static final long PART_SIZE = 5L * 1024 * 1024;

    private final MinioClient client;
    private final String bucket;

    public ExportStorage(ExportObjectStoreConfig config, ExportConfig exportConfig) throws MinioException {
        this.client = ObjectStores.client(config);
        this.bucket = config.bucket();
        if (exportConfig.storage().createBucket()) {
            ObjectStores.ensureBucket(client, bucket);
        }
    }

    /** Stores an NDJSON object of unknown length from a stream, with the given user metadata. */
    public void putNdjson(String key, InputStream content, Map<String, String> metadata) throws MinioException {
        client.putObject(PutObjectArgs.builder()
                .bucket(bucket)
                .object(key)
                .stream(content, null, PART_SIZE)
                .parallelUploads(1)
                .contentType(FhirMediaType.FHIR_NDJSON)
                .userMetadata(metadata)
                .build());
    }

    /** Deletes every object under a key prefix, e.g. all files of a cancelled job. */
    public void deletePrefix(String prefix) throws MinioException {
        for (Result<Item> item : client.listObjects(
                ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(true).build())) {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(item.get().objectName()).build());
        }
    }
}

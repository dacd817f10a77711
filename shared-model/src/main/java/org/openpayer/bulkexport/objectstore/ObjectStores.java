package org.openpayer.bulkexport.objectstore;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.errors.MinioException;

/** Builds the minio-java client both export-service and file-service use, from {@link ObjectStoreConfig}. */
public final class ObjectStores {

    private ObjectStores() {
    }

    public static MinioClient client(ObjectStoreConfig config) {
        return MinioClient.builder()
                .endpoint(config.endpoint())
                .credentials(config.accessKey(), config.secretKey())
                .region(config.region())
                .build();
    }

    /** Creates the export bucket if it is missing: local stacks and tests; production buckets are provisioned. */
    public static void ensureBucket(MinioClient client, String bucket) throws MinioException {
        if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        }
    }
}

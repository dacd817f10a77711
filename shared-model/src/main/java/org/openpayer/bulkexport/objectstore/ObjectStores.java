package org.openpayer.bulkexport.objectstore;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;

import java.util.Set;

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

    /** Answers from S3 that mean another instance created the bucket first. */
    private static final Set<String> ALREADY_THERE = Set.of("BucketAlreadyOwnedByYou", "BucketAlreadyExists");

    /**
     * Creates the export bucket if it is missing: local stacks and tests; production buckets are provisioned. Several
     * instances start together, so losing the race to create it is success too.
     */
    public static void ensureBucket(MinioClient client, String bucket) throws MinioException {
        if (client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            return;
        }
        try {
            client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        } catch (ErrorResponseException e) {
            if (!ALREADY_THERE.contains(e.errorResponse().code())) {
                throw e;
            }
        }
    }
}

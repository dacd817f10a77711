package org.openpayer.bulkexport.objectstore;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where export files live: an S3-compatible object store (MinIO, s3proxy, AWS S3). export-service writes the files
 * and file-service reads them; both read these settings.
 */
@ConfigMapping(prefix = "storage.s3")
public interface ObjectStoreConfig {

    /** The S3 API endpoint, e.g. {@code http://127.0.0.1:19000}. */
    String endpoint();

    String accessKey();

    String secretKey();

    /** The bucket holding export files. */
    @WithDefault("bulk-export")
    String bucket();

    /** Signing region; fixed so the client never has to ask the server for it. */
    @WithDefault("us-east-1")
    String region();
}

package org.openpayer.bulkexport.file.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.openpayer.bulkexport.objectstore.ObjectStoreConfig;

/** Registers shared-model's object store settings ({@code storage.s3.*}) with this service's configuration. */
@ConfigMapping(prefix = "storage.s3")
public interface FileObjectStoreConfig extends ObjectStoreConfig {

    /**
     * Connections to storage kept open at most. A download holds one while its body streams, so this is also how
     * many downloads stream at once; further ones wait for a connection.
     */
    @WithDefault("64")
    int maxConnections();
}

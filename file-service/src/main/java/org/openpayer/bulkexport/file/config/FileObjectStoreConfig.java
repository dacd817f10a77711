package org.openpayer.bulkexport.file.config;

import io.smallrye.config.ConfigMapping;
import org.openpayer.bulkexport.objectstore.ObjectStoreConfig;

/** Registers shared-model's object store settings ({@code storage.s3.*}) with this service's configuration. */
@ConfigMapping(prefix = "storage.s3")
public interface FileObjectStoreConfig extends ObjectStoreConfig {
}

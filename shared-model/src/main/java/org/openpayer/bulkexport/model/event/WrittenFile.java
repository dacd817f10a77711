package org.openpayer.bulkexport.model.event;

import org.openpayer.bulkexport.model.storage.ExportFileKind;

/**
 * One NDJSON file an export task stored.
 *
 * @param resourceType  the resource type the file is about (see {@code ExportObjectMetadata.RESOURCE_TYPE})
 * @param fileName      the file's name, as made by {@code ExportFileNames}
 * @param resourceCount the number of lines (resources) in the file
 * @param byteCount     the file's size in bytes, as stored
 * @param kind          the manifest list the file belongs to; {@code null} in older events means output
 */
public record WrittenFile(String resourceType, String fileName, long resourceCount, long byteCount,
                          ExportFileKind kind) {

    public WrittenFile {
        kind = kind == null ? ExportFileKind.OUTPUT : kind;
    }
}

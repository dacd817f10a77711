package org.openpayer.bulkexport.model.event;

/**
 * One NDJSON file an export task stored.
 *
 * @param resourceType  the single resource type in the file
 * @param fileName      the file's name, as made by {@code ExportFileNames}
 * @param resourceCount the number of lines (resources) in the file
 * @param byteCount     the file's size in bytes
 */
public record WrittenFile(String resourceType, String fileName, long resourceCount, long byteCount) {
}

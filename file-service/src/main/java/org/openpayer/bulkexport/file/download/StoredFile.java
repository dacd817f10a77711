package org.openpayer.bulkexport.file.download;

import org.openpayer.bulkexport.model.storage.ExportFileNames.ExportFile;

import java.time.Instant;

/**
 * An export file as object storage describes it, read before a byte is sent: the metadata the export worker wrote
 * (each {@code null} when absent) and what S3 knows itself.
 *
 * @param name          the file the client asked for, whose key was looked up
 * @param ownerClientId the client that started the export
 * @param kind          the {@link org.openpayer.bulkexport.model.storage.ExportFileKind} wire name
 * @param resourceType  the type the file is about
 * @param contentCoding how the stored bytes are encoded; {@code null} when they are the NDJSON itself
 * @param size          the stored size in bytes
 * @param etag          S3's entity tag, without quotes
 */
record StoredFile(ExportFile name, String ownerClientId, String kind, String resourceType, String contentCoding,
                  long size, String etag, Instant lastModified) {
}

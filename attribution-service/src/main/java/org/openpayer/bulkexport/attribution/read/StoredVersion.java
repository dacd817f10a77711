package org.openpayer.bulkexport.attribution.read;

import java.time.Instant;

/**
 * One stored version of a resource.
 *
 * @param versionId   the server-assigned version
 * @param lastUpdated when it was stored
 * @param deleted     whether this version is a delete (a tombstone without content)
 * @param content     the JSON as served, or {@code null} for a tombstone
 */
public record StoredVersion(long versionId, Instant lastUpdated, boolean deleted, String content) {
}

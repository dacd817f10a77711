package org.openpayer.bulkexport.model.event;

import java.time.Instant;
import java.util.UUID;

/**
 * An export job reached its final state and its manifest is available: for payer systems that audit or account for
 * what each provider received.
 *
 * @param jobId         the export job
 * @param occurredAt    when the job completed
 * @param clientId      the client that owns the job
 * @param fileCount     the number of output files in the manifest
 * @param resourceCount the number of resources over all output files
 */
public record ExportCompleted(UUID jobId, Instant occurredAt, String clientId, int fileCount, long resourceCount) {
}

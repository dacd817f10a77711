package org.openpayer.bulkexport.model.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A worker finished a task and stored its files. A task that found no resources completes with no files, since the
 * manifest lists no file for a type without data.
 *
 * @param jobId      the export job
 * @param occurredAt when the last file was stored
 * @param taskSeq    the task, as planned
 * @param workerId   the worker instance that ran it (for operators: shows how work spread over instances)
 * @param files      the files written, possibly none
 */
public record ExportTaskCompleted(
        UUID jobId, Instant occurredAt, int taskSeq, String workerId, List<WrittenFile> files) {

    public ExportTaskCompleted {
        files = List.copyOf(files);
    }
}

package org.openpayer.bulkexport.model.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A worker could not finish a task. The reason is for the job's error report, so it names the problem without
 * internals (no stack traces, no SQL).
 *
 * @param jobId      the export job
 * @param occurredAt when the task gave up
 * @param taskSeq    the task, as planned
 * @param workerId   the worker instance that ran it
 * @param reason     what went wrong, fit to show to the client
 */
public record ExportTaskFailed(UUID jobId, Instant occurredAt, int taskSeq, String workerId, String reason) {
}

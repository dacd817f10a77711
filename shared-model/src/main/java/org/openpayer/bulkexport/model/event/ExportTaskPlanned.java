package org.openpayer.bulkexport.model.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One unit of export work: one resource type for one bounded batch of patients. Any worker of the consumer group may
 * take it; the same task always writes the same object keys, so a redelivered task replaces its output.
 *
 * @param jobId           the export job
 * @param occurredAt      when the task was planned
 * @param taskSeq         the task's number within the job, from 1; part of every file name it writes
 * @param clientId        the client that owns the job, written onto each file so file-service can authorize downloads
 * @param resourceType    the one resource type this task exports
 * @param patientIds      the patient compartments to export (ids, without {@code Patient/})
 * @param since           only resources changed after this instant, or {@code null}
 * @param transactionTime only resources changed up to and including this instant
 * @param until           only resources changed before this instant ({@code _until}), or {@code null}
 * @param elements        the {@code _elements} values as given (see {@code ElementSelection}), or {@code null}
 * @param typeFilters     the {@code _typeFilter} queries for this task's type, without the {@code Type?} (values
 *                        URL-encoded); a resource is exported when any matches; {@code null} or empty: unfiltered
 * @param groupId         the Group of a Group-level export, else {@code null}: a task of the Group type exports the
 *                        Group itself, one of a directory type the resources the members are attributed to, and one
 *                        of a compartment type gives members who joined after {@code since} their whole record
 */
public record ExportTaskPlanned(
        UUID jobId,
        Instant occurredAt,
        int taskSeq,
        String clientId,
        String resourceType,
        List<String> patientIds,
        Instant since,
        Instant transactionTime,
        Instant until,
        List<String> elements,
        List<String> typeFilters,
        String groupId) {

    public ExportTaskPlanned {
        patientIds = List.copyOf(patientIds);
        elements = elements == null ? null : List.copyOf(elements);
        typeFilters = typeFilters == null ? null : List.copyOf(typeFilters);
    }

    /** Spreads the tasks of one job over all partitions, so every worker instance gets a share. */
    public String partitionKey() {
        return jobId + "/" + taskSeq;
    }
}

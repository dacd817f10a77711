package org.openpayer.bulkexport.export.job;

import org.openpayer.bulkexport.model.event.ExportTaskPlanned;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Builds the {@link ExportTaskPlanned} events of a job, first from its request and again from what was stored. */
final class TaskEvents {

    private TaskEvents() {
    }

    /** The {@code _typeFilter} queries of one type, without their {@code Type?}; {@code null} when there are none. */
    static List<String> typeFiltersFor(List<String> typeFilters, String resourceType) {
        if (typeFilters == null) {
            return null;
        }
        String prefix = resourceType + "?";
        return typeFilters.stream().filter(query -> query.startsWith(prefix))
                .map(query -> query.substring(prefix.length())).toList();
    }

    /** A stored task as the event it was planned as: same number, same patients, so it writes the same files. */
    static ExportTaskPlanned republished(ExportJob job, ExportTask task, ExportBatch batch) {
        return new ExportTaskPlanned(job.id, Instant.now(), task.key.seq(), job.clientId, task.resourceType,
                batch == null ? List.of() : Arrays.asList(batch.patientIds), job.since, job.transactionTime, job.until,
                job.elements == null ? null : Arrays.asList(job.elements),
                typeFiltersFor(job.typeFilters == null ? null : Arrays.asList(job.typeFilters), task.resourceType),
                task.groupId);
    }
}

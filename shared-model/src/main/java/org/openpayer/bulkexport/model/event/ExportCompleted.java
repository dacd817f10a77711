package org.openpayer.bulkexport.model.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An export job completed and its manifest is available: for payer systems that audit or account for what each
 * provider received, and for attribution-service's PDex 2.1 provider-download bookkeeping. Only completed jobs are
 * announced; failed and cancelled ones never are.
 *
 * @param jobId         the export job
 * @param occurredAt    when the job completed
 * @param clientId      the client that owns the job
 * @param fileCount     the number of output files in the manifest
 * @param resourceCount the number of resources over all output files
 * @param request       what the job exported; absent in events written before it was added
 */
public record ExportCompleted(UUID jobId, Instant occurredAt, String clientId, int fileCount, long resourceCount,
                             Request request) {

    /**
     * What a completed job exported, as facts a consumer can evaluate against its own data: who the population was
     * (never the list of members, which may hold a million ids), as of when, and the type parameters exactly as the
     * client gave them.
     *
     * @param level               system, patient or group export
     * @param groupId             the Group exported, at group level; otherwise {@code null}
     * @param exportType          {@code $davinci-data-export}'s export type ({@code DaVinciExportType} code, the
     *                            {@code exportMode} spelling already resolved), or {@code null} for Bulk Data
     * @param transactionTime     the job's snapshot instant: the member data and the Group version it exported are
     *                            those current at this instant
     * @param since               {@code _since}, or {@code null}
     * @param until               {@code _until}, or {@code null}
     * @param patients            the {@code patient} parameter's Patient ids (the list the kick-off accepted, so no
     *                            larger than the request that carried it), or {@code null} for the whole population
     * @param typeParameter       {@code _type} as the client gave it (repeats joined by commas), or {@code null}
     * @param typeFilterParameter {@code _typeFilter} as the client gave it (repeats joined by commas), or {@code null}
     */
    public record Request(ExportLevel level, String groupId, String exportType, Instant transactionTime,
                          Instant since, Instant until, List<String> patients, String typeParameter,
                          String typeFilterParameter) {

        public Request {
            patients = patients == null ? null : List.copyOf(patients);
        }
    }
}

package org.openpayer.bulkexport.attribution.download;

import org.openpayer.bulkexport.model.event.ExportCompleted;
import org.openpayer.bulkexport.model.event.ExportLevel;
import org.openpayer.bulkexport.model.fhir.atr.DaVinciExportType;
import org.openpayer.bulkexport.model.fhir.atr.LastDownload;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A completed PDex provider-download export of a Group, read from export-completed: the facts the bookkeeping needs to
 * find the members it sent in attribution-service's own tables, and what each of them is to record.
 *
 * @param jobId           the export job: booked once, however often its event arrives
 * @param groupId         the Group exported
 * @param transactionTime the job's snapshot instant: the Group version current then is the one whose members were sent
 * @param patients        the export's {@code patient} subset, or {@code null} for every member
 * @param download        what each member sent records
 */
record ProviderDownload(UUID jobId, String groupId, Instant transactionTime, List<String> patients,
                        LastDownload download) {

    /**
     * The download an event reports, if it reports one: a completed Group-level {@code $davinci-data-export} with
     * exportType {@code provider-download} (either spelling; export-service resolves {@code exportMode}). Events of
     * other exports, and events written before they carried their request, report none.
     *
     * <p>lastTransmitted is the job's transactionTime, or its {@code _until} when earlier: the export sent the data as
     * it was at that instant, so a later {@code _since=lastTransmitted} export picks up exactly what this one did
     * not send. PDex asks for min(export time, {@code _until}); the snapshot instant is that export time.
     */
    static Optional<ProviderDownload> of(ExportCompleted event) {
        ExportCompleted.Request request = event.request();
        if (request == null || request.level() != ExportLevel.GROUP || request.groupId() == null
                || request.transactionTime() == null
                || !DaVinciExportType.PROVIDER_DOWNLOAD.code().equals(request.exportType())) {
            return Optional.empty();
        }
        Instant transmitted = request.until() != null && request.until().isBefore(request.transactionTime())
                ? request.until() : request.transactionTime();
        return Optional.of(new ProviderDownload(event.jobId(), request.groupId(), request.transactionTime(),
                request.patients(), new LastDownload(transmitted, request.typeParameter(),
                request.typeFilterParameter())));
    }
}

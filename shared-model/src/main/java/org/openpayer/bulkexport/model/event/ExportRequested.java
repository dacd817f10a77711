package org.openpayer.bulkexport.model.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A client's export was accepted and stored; the planner turns it into tasks.
 *
 * @param jobId           the export job, also the key of every later event of this job
 * @param occurredAt      when the kick-off was accepted
 * @param clientId        the SMART client that owns the job and its files
 * @param level           system, patient or group export
 * @param groupId         the Group exported, or {@code null} below group level
 * @param resourceTypes   the resource types to export, already narrowed to what the client may read
 * @param since           only resources changed after this instant ({@code _since}), or {@code null}
 * @param transactionTime the snapshot instant: resources changed after it are left out
 * @param until           v3 {@code _until}: only resources changed before this instant, or {@code null}
 * @param grantedGroupIds patient and system level: the Group ids the client's token grants, whose active members
 *                        are the population exported; {@code null} at group level
 * @param grantedGroupIdentifiers patient and system level: the Group identifiers ({@code system|value}) the token
 *                        grants; {@code null} at group level
 * @param patients        the {@code patient} parameter: only these Patient ids of the population, or {@code null}
 *                        for the whole population
 * @param elements        the {@code _elements} values as given (see {@code ElementSelection}), or {@code null}
 * @param typeFilters     the {@code _typeFilter} queries ({@code Type?name=value&...}, values URL-encoded), checked
 *                        at kick-off; a type with none is not filtered; {@code null} for none
 * @param issues          what the kick-off ignored under {@code Prefer: handling=lenient}, one diagnostic each, for
 *                        the job's error file; {@code null} for none
 * @param exportType      {@code $davinci-data-export}'s export type ({@code DaVinciExportType} code), or {@code null}
 *                        for a Bulk Data {@code $export}
 */
public record ExportRequested(
        UUID jobId,
        Instant occurredAt,
        String clientId,
        ExportLevel level,
        String groupId,
        List<String> resourceTypes,
        Instant since,
        Instant transactionTime,
        Instant until,
        List<String> grantedGroupIds,
        List<String> grantedGroupIdentifiers,
        List<String> patients,
        List<String> elements,
        List<String> typeFilters,
        List<String> issues,
        String exportType) {

    public ExportRequested {
        resourceTypes = List.copyOf(resourceTypes);
        grantedGroupIds = grantedGroupIds == null ? null : List.copyOf(grantedGroupIds);
        grantedGroupIdentifiers = grantedGroupIdentifiers == null ? null : List.copyOf(grantedGroupIdentifiers);
        patients = patients == null ? null : List.copyOf(patients);
        elements = elements == null ? null : List.copyOf(elements);
        typeFilters = typeFilters == null ? null : List.copyOf(typeFilters);
        issues = issues == null ? null : List.copyOf(issues);
    }
}

package org.openpayer.bulkexport.export.kickoff;

import org.openpayer.bulkexport.model.event.ExportLevel;
import org.openpayer.bulkexport.model.fhir.ElementSelection;
import org.openpayer.bulkexport.model.fhir.ExportParameter;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.model.fhir.atr.DaVinciExportType;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.FhirException;
import org.openpayer.bulkexport.search.CriterionParser;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The kick-off parameters of an export, checked as Bulk Data v2 asks: the three {@code _outputFormat} names of NDJSON,
 * {@code _since} and v3's {@code _until} as instants with a time zone, {@code _type} as a comma list or repeated,
 * {@code _typeFilter} ({@link TypeFilters}), {@code includeAssociatedData} and {@code _elements}. What cannot be
 * honoured is refused by name (400), so a client can resend without it, or under {@code Prefer: handling=lenient}
 * ignored and reported in the error file ({@link IgnoredParameters}); a malformed instant or format is refused either
 * way. The types exported are those requested (or all of the level's) that the token may read; naming one it may not
 * is a 403. GET and POST ({@link KickOffParameters}) give the same parameters.
 *
 * @param resourceTypes the types to export, in a stable order
 * @param since         {@code _since}, or {@code null}
 * @param until         {@code _until}, or {@code null}
 * @param patients      the {@code patient} parameter's Patient ids (POST only, patient and group level), or
 *                      {@code null} for the whole population
 * @param elements      the {@code _elements} values (checked by {@link ElementSelection}), or {@code null}
 * @param typeFilters   the {@code _typeFilter} queries to apply, as {@code Type?query}; empty for none
 * @param ignored       diagnostics of what was ignored under lenient handling; empty when nothing was
 * @param exportType    {@code $davinci-data-export}'s {@code exportType} (with {@code exportMode}), or {@code null}
 * @param asGiven       {@code _type} and {@code _typeFilter} exactly as the client gave them, for PDex's bookkeeping
 */
public record ExportParameters(List<String> resourceTypes, Instant since, Instant until, List<String> patients,
                               List<String> elements, List<String> typeFilters, List<String> ignored,
                               DaVinciExportType exportType, AsGiven asGiven) {

    /**
     * The type parameters as the client wrote them, before defaults, narrowing or lenient handling: PDex 2.1 records
     * "the {@code _type} string" and "the {@code _typeFilter} string" of a provider-download on each member it sent.
     * Repeats are joined by commas, the comma-list form both parameters also have.
     *
     * @param type       {@code _type}, or {@code null} when absent
     * @param typeFilter {@code _typeFilter}, or {@code null} when absent
     */
    public record AsGiven(String type, String typeFilter) {

        static AsGiven of(Map<String, List<String>> query) {
            return new AsGiven(joined(query.get(ExportParameter.TYPE.wireName())),
                    joined(query.get(ExportParameter.TYPE_FILTER.wireName())));
        }

        private static String joined(List<String> values) {
            return values == null || values.isEmpty() ? null : String.join(",", values);
        }
    }

    private static final Set<ExportParameter> SUPPORTED = Set.of(ExportParameter.OUTPUT_FORMAT,
            ExportParameter.SINCE, ExportParameter.UNTIL, ExportParameter.TYPE, ExportParameter.PATIENT,
            ExportParameter.ELEMENTS, ExportParameter.TYPE_FILTER, ExportParameter.INCLUDE_ASSOCIATED_DATA);
    /** {@code $davinci-data-export} takes Bulk Data's parameters and these. */
    private static final Set<ExportParameter> DA_VINCI = Set.of(ExportParameter.EXPORT_TYPE,
            ExportParameter.EXPORT_MODE);
    /** Both ask for Provenance; the server keeps one version of each resource, so "latest" is all there is. */
    private static final Set<String> PROVENANCE_VALUES =
            Set.of("LatestProvenanceResources", "RelevantProvenanceResources");

    public static ExportParameters parse(Map<String, List<String>> query, KickOffContext context,
                                         CriterionParser filters) {
        IgnoredParameters ignored = new IgnoredParameters(context.lenient());
        ExportLevel level = context.level();
        DaVinciExportType exportType = context.davinci() ? exportType(query) : null;
        ExportScope scope = new ExportScope(level, context.davinci(), exportType);
        Instant since = null;
        Instant until = null;
        Set<String> patients = null;
        List<String> elements = null;
        List<String> typeFilterValues = List.of();
        boolean provenance = false;
        Set<String> requestedTypes = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            Optional<ExportParameter> known = ExportParameter.byWireName(entry.getKey());
            if (known.isPresent() && context.davinci() && DA_VINCI.contains(known.get())) {
                continue;
            }
            if (known.isEmpty() || !SUPPORTED.contains(known.get())) {
                ignored.refuseOrIgnore(known.isEmpty()
                        ? FhirException.badRequest("Unknown export parameter '" + entry.getKey() + "'.")
                        : FhirException.notSupported("Export parameter '" + entry.getKey()
                        + "' is not supported by this server; resend the request without it."));
                continue;
            }
            ExportParameter parameter = known.get();
            switch (parameter) {
                case OUTPUT_FORMAT -> requireNdjson(single(entry));
                case SINCE -> since = instant(parameter, single(entry));
                case UNTIL -> until = instant(parameter, single(entry));
                case TYPE -> entry.getValue().forEach(value -> requestedTypes.addAll(types(value, scope, ignored)));
                case PATIENT -> patients = patientIds(entry.getValue(), level, context.post());
                case ELEMENTS -> elements = elements(entry.getValue(), ignored);
                case TYPE_FILTER -> typeFilterValues = entry.getValue();
                case INCLUDE_ASSOCIATED_DATA -> provenance = includesProvenance(entry.getValue(), ignored);
                default -> throw new IllegalStateException("unhandled supported parameter " + parameter);
            }
        }
        if (since != null && until != null && !until.isAfter(since)) {
            throw FhirException.badRequest("_until (" + until + ") must be after _since (" + since + ").");
        }
        if (exportType == DaVinciExportType.PROVIDER_DELTA && since == null) {
            throw FhirException.badRequest("exportType " + exportType.code() + " fetches what changed since the "
                    + "last download: it needs _since.");
        }
        if (query.containsKey(ExportParameter.TYPE.wireName()) && requestedTypes.isEmpty()) {
            // Under lenient handling every type named may have been left out: that must not widen to all types.
            throw FhirException.badRequest("Nothing is left to export: _type names no type this export includes.");
        }
        List<String> types = new ArrayList<>(authorizedTypes(requestedTypes, context.caller(), scope));
        if (provenance && !types.contains(ResourceType.Provenance.name())) {
            context.caller().requireRead(ResourceType.Provenance.name());
            types.add(ResourceType.Provenance.name());
        }
        Map<ResourceType, List<String>> filtersByType = TypeFilters.parse(typeFilterValues, types, filters, ignored);
        filtersByType.forEach((type, queries) -> {
            if (queries.isEmpty()) {
                types.remove(type.name());
            }
        });
        if (types.isEmpty()) {
            throw FhirException.badRequest("Nothing is left to export: every requested type was ignored.");
        }
        return new ExportParameters(List.copyOf(types), since, until, patients == null ? null : List.copyOf(patients),
                elements, filtersByType.values().stream().flatMap(List::stream).toList(), ignored.diagnostics(),
                exportType, AsGiven.of(query));
    }

    /** {@code includeAssociatedData}: whether Provenance is asked for; custom ({@code _}) values are not offered. */
    private static boolean includesProvenance(List<String> values, IgnoredParameters ignored) {
        boolean provenance = false;
        for (String value : values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).toList()) {
            if (PROVENANCE_VALUES.contains(value)) {
                provenance = true;
            } else {
                ignored.refuseOrIgnore(FhirException.notSupported("includeAssociatedData '" + value + "' is not "
                        + "supported; supported: " + String.join(", ", new TreeSet<>(PROVENANCE_VALUES)) + "."));
            }
        }
        return provenance;
    }

    private static String single(Map.Entry<String, List<String>> entry) {
        if (entry.getValue().size() != 1) {
            throw FhirException.badRequest("Export parameter '" + entry.getKey() + "' may be given only once.");
        }
        return entry.getValue().get(0);
    }

    private static void requireNdjson(String format) {
        if (!FhirMediaType.isNdjsonOutputFormat(format)) {
            throw FhirException.badRequest("_outputFormat '" + format + "' is not supported; use "
                    + FhirMediaType.FHIR_NDJSON + " (or application/ndjson, ndjson).");
        }
    }

    /** A FHIR instant: date, time and a zone ({@code Z} or an offset); anything less is ambiguous and refused. */
    private static Instant instant(ExportParameter parameter, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw FhirException.badRequest(parameter.wireName() + " must be a FHIR instant with a time zone, e.g. "
                    + "2026-01-01T00:00:00Z; got '" + value + "'.");
        }
    }

    /** The exportable types of a {@code _type} value; the others are refused or, under lenient, left out. */
    private static List<String> types(String commaList, ExportScope scope, IgnoredParameters ignored) {
        List<String> types = new ArrayList<>();
        for (String type : commaList.split(",")) {
            Optional<ResourceType> resourceType = ResourceType.byName(type.strip());
            if (resourceType.isEmpty()) {
                ignored.refuseOrIgnore(FhirException.badRequest("_type names an unsupported resource type '"
                        + type + "'."));
            } else if (!scope.exportable().contains(resourceType.get())) {
                ignored.refuseOrIgnore(FhirException.badRequest(scope.whyNotExportable(type.strip())));
            } else {
                types.add(type.strip());
            }
        }
        return types;
    }

    /** {@code exportType}, or PDex's seed-data pair {@code exportType} + {@code exportMode}; malformed is a 400. */
    private static DaVinciExportType exportType(Map<String, List<String>> query) {
        List<String> types = query.get(ExportParameter.EXPORT_TYPE.wireName());
        List<String> modes = query.get(ExportParameter.EXPORT_MODE.wireName());
        if (types == null) {
            if (modes != null) {
                throw FhirException.badRequest("exportMode goes with exportType=" + DaVinciExportType.PDEX + ".");
            }
            return null;
        }
        if (types.size() != 1 || modes != null && modes.size() != 1) {
            throw FhirException.badRequest("exportType and exportMode may be given only once.");
        }
        String mode = modes == null ? null : modes.get(0);
        return DaVinciExportType.parse(types.get(0), mode).orElseThrow(() -> FhirException.badRequest(
                "exportType '" + types.get(0) + "'" + (mode == null ? "" : " with exportMode '" + mode + "'")
                        + " is not supported; supported: " + String.join(", ", Arrays.stream(
                        DaVinciExportType.values()).map(DaVinciExportType::code).toList()) + ", or exportType="
                        + DaVinciExportType.PDEX + " with exportMode provider-delta, provider-download or "
                        + "provider-snapshot."));
    }

    private static List<String> elements(List<String> values, IgnoredParameters ignored) {
        try {
            ElementSelection.parse(values);
            return List.copyOf(values);
        } catch (IllegalArgumentException e) {
            ignored.refuseOrIgnore(FhirException.badRequest(e.getMessage()));
            return null;
        }
    }

    /** {@code patient}: references to Patients ({@code Patient/123}), in a POST at patient or group level. */
    private static Set<String> patientIds(List<String> references, ExportLevel level, boolean post) {
        if (!post) {
            throw FhirException.badRequest("patient is accepted in a POST kick-off only (a Parameters body with "
                    + "valueReference values).");
        }
        if (level == ExportLevel.SYSTEM) {
            throw FhirException.badRequest("patient applies to Patient- and Group-level exports, not to $export.");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String reference : references) {
            String id = reference.startsWith("Patient/") ? reference.substring("Patient/".length()) : "";
            if (id.isEmpty() || id.contains("/")) {
                throw FhirException.badRequest("patient must reference a Patient as Patient/{id}, not '" + reference
                        + "'.");
            }
            ids.add(id);
        }
        return ids;
    }

    private static List<String> authorizedTypes(Set<String> requested, Caller caller, ExportScope scope) {
        if (!requested.isEmpty()) {
            requested.forEach(caller::requireRead);
            return List.copyOf(requested);
        }
        List<String> readable = scope.defaults().stream()
                .map(ResourceType::name)
                .filter(caller.scopes()::canRead)
                .toList();
        if (readable.isEmpty()) {
            throw FhirException.forbidden("The access token allows reading none of the exportable resource types.");
        }
        return readable;
    }
}

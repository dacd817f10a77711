package org.openpayer.bulkexport.export.kickoff;

import org.openpayer.bulkexport.model.event.ExportLevel;
import org.openpayer.bulkexport.model.fhir.ElementSelection;
import org.openpayer.bulkexport.model.fhir.ExportParameter;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.FhirException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The kick-off parameters of an export, checked as Bulk Data v2 asks: the three {@code _outputFormat}
 * names of NDJSON, {@code _since} and v3's {@code _until} as instants with a time zone, {@code _type} as a comma list
 * or repeated, and every parameter we do not support yet refused by name (400), so a client can resend without it.
 * The types exported are those requested (or all of the patient compartment) that the token may read; naming one it
 * may not is a 403. GET and POST ({@link KickOffParameters}) give the same parameters.
 *
 * @param resourceTypes the types to export, in a stable order
 * @param since         {@code _since}, or {@code null}
 * @param until         {@code _until}, or {@code null}
 * @param patients      the {@code patient} parameter's Patient ids (POST only, patient and group level), or
 *                      {@code null} for the whole population
 * @param elements      the {@code _elements} values (checked by {@link ElementSelection}), or {@code null}
 */
public record ExportParameters(List<String> resourceTypes, Instant since, Instant until, List<String> patients,
                               List<String> elements) {

    private static final Set<ExportParameter> SUPPORTED = Set.of(ExportParameter.OUTPUT_FORMAT,
            ExportParameter.SINCE, ExportParameter.UNTIL, ExportParameter.TYPE, ExportParameter.PATIENT,
            ExportParameter.ELEMENTS);

    /**
     * @param post whether the parameters came in a POST's Parameters body ({@code patient} is accepted only there)
     */
    public static ExportParameters parse(Map<String, List<String>> query, Caller caller, ExportLevel level,
                                         boolean post) {
        Instant since = null;
        Instant until = null;
        Set<String> patients = null;
        List<String> elements = null;
        Set<String> requestedTypes = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            ExportParameter parameter = ExportParameter.byWireName(entry.getKey()).orElseThrow(() ->
                    FhirException.badRequest("Unknown export parameter '" + entry.getKey() + "'."));
            if (!SUPPORTED.contains(parameter)) {
                throw FhirException.notSupported("Export parameter '" + parameter.wireName()
                        + "' is not supported by this server; resend the request without it.");
            }
            switch (parameter) {
                case OUTPUT_FORMAT -> requireNdjson(single(entry));
                case SINCE -> since = instant(parameter, single(entry));
                case UNTIL -> until = instant(parameter, single(entry));
                case TYPE -> entry.getValue().forEach(value -> requestedTypes.addAll(types(value, level)));
                case PATIENT -> patients = patientIds(entry.getValue(), level, post);
                case ELEMENTS -> elements = elements(entry.getValue());
                default -> throw new IllegalStateException("unhandled supported parameter " + parameter);
            }
        }
        if (since != null && until != null && !until.isAfter(since)) {
            throw FhirException.badRequest("_until (" + until + ") must be after _since (" + since + ").");
        }
        return new ExportParameters(authorizedTypes(requestedTypes, caller, level), since, until,
                patients == null ? null : List.copyOf(patients), elements);
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

    private static List<String> types(String commaList, ExportLevel level) {
        List<String> types = List.of(commaList.split(","));
        for (String type : types) {
            ResourceType resourceType = ResourceType.byName(type.strip()).orElseThrow(() ->
                    FhirException.badRequest("_type names an unsupported resource type '" + type + "'."));
            if (!exportable(level).contains(resourceType)) {
                String levelName = level.name().toLowerCase(Locale.ROOT);
                throw FhirException.badRequest("_type '" + type + "' is not exported at " + levelName + " level: "
                        + (level == ExportLevel.SYSTEM ? "Groups are read and searched, not exported."
                        : "a " + levelName + " export covers the patient compartment."));
            }
        }
        return types.stream().map(String::strip).toList();
    }

    private static List<String> elements(List<String> values) {
        try {
            ElementSelection.parse(values);
        } catch (IllegalArgumentException e) {
            throw FhirException.badRequest(e.getMessage());
        }
        return List.copyOf(values);
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

    /** Patient and Group level: the patient compartment; system level also the provider directory. */
    private static List<ResourceType> exportable(ExportLevel level) {
        if (level != ExportLevel.SYSTEM) {
            return ResourceType.patientCompartmentTypes();
        }
        return Arrays.stream(ResourceType.values()).filter(type -> type != ResourceType.Group).toList();
    }

    private static List<String> authorizedTypes(Set<String> requested, Caller caller, ExportLevel level) {
        if (!requested.isEmpty()) {
            requested.forEach(caller::requireRead);
            return List.copyOf(requested);
        }
        List<String> readable = exportable(level).stream()
                .map(ResourceType::name)
                .filter(caller.scopes()::canRead)
                .toList();
        if (readable.isEmpty()) {
            throw FhirException.forbidden("The access token allows reading none of the exportable resource types.");
        }
        return readable;
    }
}

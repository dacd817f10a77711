package org.openpayer.bulkexport.export.kickoff;

import org.openpayer.bulkexport.model.event.ExportLevel;
import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.model.fhir.atr.DaVinciExportType;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Which resource types an export may include, and which it includes when {@code _type} is absent, by operation,
 * level and Da Vinci export type:
 * <ul>
 *   <li>Bulk Data {@code $export}: the patient compartment at Patient and Group level; at system level also the
 *   provider directory (Groups are read and searched, never exported);</li>
 *   <li>ATR ({@code hl7.fhir.us.davinci-atr}): the Group itself, its members' Patient, Coverage and RelatedPerson, and
 *   the providers they are attributed to; Group, Patient and Coverage unless {@code _type} says otherwise;</li>
 *   <li>PDex (any other {@code $davinci-data-export}): all the members' data and the directory resources their
 *   attribution names, all of it by default, as PDex asks.</li>
 * </ul>
 *
 * @param exportType the Da Vinci export type, or {@code null} for Bulk Data, or for a {@code $davinci-data-export}
 *                   without one (treated as PDex)
 */
record ExportScope(ExportLevel level, boolean davinci, DaVinciExportType exportType) {

    private static final List<ResourceType> DIRECTORY = List.of(ResourceType.Organization, ResourceType.Practitioner,
            ResourceType.PractitionerRole, ResourceType.Location, ResourceType.Medication);
    private static final List<ResourceType> ATR_TYPES = List.of(ResourceType.Group, ResourceType.Patient,
            ResourceType.Coverage, ResourceType.RelatedPerson, ResourceType.Practitioner,
            ResourceType.PractitionerRole, ResourceType.Organization, ResourceType.Location);
    private static final List<ResourceType> ATR_DEFAULTS = List.of(ResourceType.Group, ResourceType.Patient,
            ResourceType.Coverage);

    List<ResourceType> exportable() {
        if (exportType == DaVinciExportType.ATR) {
            return ATR_TYPES;
        }
        if (davinci || level == ExportLevel.SYSTEM) {
            return Stream.concat(ResourceType.patientCompartmentTypes().stream(), DIRECTORY.stream()).toList();
        }
        return ResourceType.patientCompartmentTypes();
    }

    List<ResourceType> defaults() {
        return exportType == DaVinciExportType.ATR ? ATR_DEFAULTS : exportable();
    }

    /** Why a known type is not exportable here, for the 400. */
    String whyNotExportable(String type) {
        if (exportType == DaVinciExportType.ATR) {
            return "_type '" + type + "' is not part of an ATR export; it covers "
                    + String.join(", ", ATR_TYPES.stream().map(ResourceType::name).toList()) + ".";
        }
        if (level == ExportLevel.SYSTEM || davinci) {
            return "_type '" + type + "' is not exported here: Groups are read and searched, not exported"
                    + (davinci ? " (except by an ATR export)." : ".");
        }
        String levelName = level.name().toLowerCase(Locale.ROOT);
        return "_type '" + type + "' is not exported at " + levelName + " level: a " + levelName
                + " export covers the patient compartment.";
    }
}

package org.openpayer.bulkexport.model.fhir;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kick-off parameters of Bulk Data export (v2, plus the v3 additions) and of Da Vinci's
 * {@code $davinci-data-export}, by their exact wire names.
 */
public enum ExportParameter {
    OUTPUT_FORMAT("_outputFormat"),
    SINCE("_since"),
    UNTIL("_until"),
    TYPE("_type"),
    ELEMENTS("_elements"),
    PATIENT("patient"),
    INCLUDE_ASSOCIATED_DATA("includeAssociatedData"),
    TYPE_FILTER("_typeFilter"),
    ORGANIZE_OUTPUT_BY("organizeOutputBy"),
    ALLOW_PARTIAL_MANIFESTS("allowPartialManifests"),
    /** Da Vinci {@code $davinci-data-export} only: which export ({@code DaVinciExportType}). */
    EXPORT_TYPE("exportType"),
    /** Da Vinci: the PDex seed-data form's mode, with {@code exportType=hl7.fhir.us.davinci-pdex}. */
    EXPORT_MODE("exportMode");

    private final String wireName;

    ExportParameter(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ExportParameter> byWireName(String name) {
        return Arrays.stream(values()).filter(parameter -> parameter.wireName.equals(name)).findFirst();
    }
}

package org.openpayer.bulkexport.model.fhir.atr;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code exportType} values of Da Vinci's {@code $davinci-data-export}: ATR's attribution list, and PDex's
 * provider-access and payer-to-payer exports. They are plain strings (package id, then a fragment); no CodeSystem
 * defines them.
 */
public enum DaVinciExportType {
    ATR("hl7.fhir.us.davinci-atr"),
    PROVIDER_DELTA(DaVinciExportType.PDEX + "#provider-delta"),
    PROVIDER_DOWNLOAD(DaVinciExportType.PDEX + "#provider-download"),
    PROVIDER_SNAPSHOT(DaVinciExportType.PDEX + "#provider-snapshot"),
    PAYER_TO_PAYER(DaVinciExportType.PDEX + "#payertopayer");

    /** PDex's package id: with {@code exportMode}, the form of the PDex Provider Access seed data. */
    public static final String PDEX = "hl7.fhir.us.davinci-pdex";

    private final String code;

    DaVinciExportType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean isPdex() {
        return this != ATR;
    }

    public static Optional<DaVinciExportType> byCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }

    /**
     * Reads {@code exportType}, or the seed-data form {@code exportType=hl7.fhir.us.davinci-pdex} with
     * {@code exportMode=provider-delta|provider-download|provider-snapshot}, which means the same as the fragment form.
     *
     * @param exportMode {@code null} when absent
     * @return empty when the pair names no export type
     */
    public static Optional<DaVinciExportType> parse(String exportType, String exportMode) {
        if (exportMode == null) {
            return byCode(exportType);
        }
        if (!PDEX.equals(exportType)) {
            return Optional.empty();
        }
        return byCode(PDEX + "#" + exportMode).filter(type -> type != PAYER_TO_PAYER);
    }
}

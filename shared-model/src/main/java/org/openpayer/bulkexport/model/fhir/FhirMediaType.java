package org.openpayer.bulkexport.model.fhir;

import java.util.Set;

/** Media types of the FHIR API and of Bulk Data files. */
public final class FhirMediaType {

    public static final String FHIR_JSON = "application/fhir+json";
    public static final String FHIR_NDJSON = "application/fhir+ndjson";

    /** Bulk Data v2 says a server SHALL accept all three names for its one NDJSON output format. */
    private static final Set<String> NDJSON_ALIASES = Set.of(FHIR_NDJSON, "application/ndjson", "ndjson");

    private FhirMediaType() {
    }

    public static boolean isNdjsonOutputFormat(String outputFormat) {
        return NDJSON_ALIASES.contains(outputFormat);
    }
}

package org.openpayer.bulkexport.search;

/** How a search parameter's values are kept and compared. */
public enum IndexKind {
    /** system|code pairs in {@code search_token}: identifiers, codes, codings, CodeableConcepts. */
    TOKEN("token"),
    /** instant ranges in {@code search_date}. */
    DATE("date"),
    /** the Patient the resource's compartment names, the {@code patient_id} column every row already has. */
    PATIENT("reference");

    private final String fhirType;

    IndexKind(String fhirType) {
        this.fhirType = fhirType;
    }

    /** The SearchParameter.type code, as the CapabilityStatement declares it. */
    public String fhirType() {
        return fhirType;
    }
}

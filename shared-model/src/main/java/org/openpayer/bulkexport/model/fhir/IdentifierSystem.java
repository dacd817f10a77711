package org.openpayer.bulkexport.model.fhir;

/** Identifier systems the suite reads and writes, so no service spells a system URI itself. */
public enum IdentifierSystem {
    /** National Provider Identifier, the first way providers find their attribution Group. */
    NPI("http://hl7.org/fhir/sid/us-npi"),
    /** US federal Tax Identification Number. */
    TIN("urn:oid:2.16.840.1.113883.4.4"),
    /** Medicare Beneficiary Identifier. */
    MBI("http://hl7.org/fhir/sid/us-mbi");

    private final String uri;

    IdentifierSystem(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }
}

package org.openpayer.bulkexport.model.fhir.atr;

/** Da Vinci ATR (and PDex) extension URLs the attribution Groups carry. */
public final class AtrVocabulary {

    private static final String ATR = "http://hl7.org/fhir/us/davinci-atr/StructureDefinition/";

    public static final String CHANGE_TYPE = ATR + "ext-changeType";
    public static final String ATTRIBUTED_PROVIDER = ATR + "ext-attributedProvider";
    public static final String COVERAGE_REFERENCE = ATR + "ext-coverageReference";
    public static final String ATTRIBUTION_LIST_STATUS = ATR + "ext-attributionListStatus";
    public static final String CONTRACT_VALIDITY_PERIOD = ATR + "ext-contractValidityPeriod";
    private static final String PDEX = "http://hl7.org/fhir/us/davinci-pdex/StructureDefinition/";
    /** PDex: the number of would-be members who opted out of provider access. */
    public static final String OPTED_OUT = PDEX + "base-ext-members-opted-out";
    /** PDex 2.1 provider-download bookkeeping on each member: when its data was last sent (valueDateTime). */
    public static final String LAST_TRANSMITTED = PDEX + "base-ext-last-transmission";
    /** ... which types were asked for then (valueString, the raw {@code _type}). */
    public static final String LAST_TYPES = PDEX + "base-ext-last-types";
    /** ... and which filters (valueString, the raw {@code _typeFilter}). */
    public static final String LAST_TYPE_FILTER = PDEX + "base-ext-last-typefilter";

    private AtrVocabulary() {
    }
}

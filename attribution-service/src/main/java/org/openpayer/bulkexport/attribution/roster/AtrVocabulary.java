package org.openpayer.bulkexport.attribution.roster;

/** Da Vinci ATR (and PDex) extension URLs and codes the attribution Groups carry. */
public final class AtrVocabulary {

    private static final String ATR = "http://hl7.org/fhir/us/davinci-atr/StructureDefinition/";

    public static final String CHANGE_TYPE = ATR + "ext-changeType";
    public static final String ATTRIBUTED_PROVIDER = ATR + "ext-attributedProvider";
    public static final String COVERAGE_REFERENCE = ATR + "ext-coverageReference";
    public static final String ATTRIBUTION_LIST_STATUS = ATR + "ext-attributionListStatus";
    public static final String CONTRACT_VALIDITY_PERIOD = ATR + "ext-contractValidityPeriod";
    /** PDex: the number of would-be members who opted out of provider access. */
    public static final String OPTED_OUT = "http://hl7.org/fhir/us/davinci-pdex/StructureDefinition/"
            + "base-ext-members-opted-out";

    private AtrVocabulary() {
    }
}

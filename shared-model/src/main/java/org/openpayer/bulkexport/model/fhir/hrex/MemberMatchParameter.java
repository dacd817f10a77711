package org.openpayer.bulkexport.model.fhir.hrex;

import java.util.Arrays;
import java.util.Optional;

/**
 * The input parameters of HRex {@code $member-match}, each with the resource type it carries. PDex's
 * {@code $bulk-member-match} uses the same names for the parts of each MemberBundle.
 */
public enum MemberMatchParameter {
    /** The member's demographics as the requesting payer knows them. */
    MEMBER_PATIENT("MemberPatient", "Patient"),
    /** The coverage at this (the old) payer, as the member's card gives it. */
    COVERAGE_TO_MATCH("CoverageToMatch", "Coverage"),
    /** The requesting payer's own coverage of the member. */
    COVERAGE_TO_LINK("CoverageToLink", "Coverage"),
    /** The member's permission for this payer to disclose their data to the requester. */
    CONSENT("Consent", "Consent");

    private final String parameterName;
    private final String resourceType;

    MemberMatchParameter(String parameterName, String resourceType) {
        this.parameterName = parameterName;
        this.resourceType = resourceType;
    }

    public String parameterName() {
        return parameterName;
    }

    public String resourceType() {
        return resourceType;
    }

    /** Case-sensitive, as FHIR parameter names are. */
    public static Optional<MemberMatchParameter> byName(String name) {
        return Arrays.stream(values()).filter(parameter -> parameter.parameterName.equals(name)).findFirst();
    }
}

package org.openpayer.bulkexport.model.fhir.hrex;

/**
 * The three outcomes of PDex's {@code $bulk-member-match} for one submitted member, each with the code of
 * {@code PdexMultiMemberMatchResultCS} its result Group carries and the output parameter (PDex 2.1.0's
 * {@code pdex-parameters-multi-member-match-bundle-out}) that Group is returned in.
 */
public enum MultiMemberMatchResult {
    /** Exactly one member matched, and the Consent can be honoured: the member's data may be exported. */
    MATCHED("match", "Matched", "MatchedMembers"),
    /** No member, or more than one, matched the demographics and card. */
    NOT_MATCHED("nomatch", "Not Matched", "NonMatchedMembers"),
    /** One member matched, but this payer cannot honour the Consent sent with it. */
    CONSENT_CONSTRAINED("consentconstraint", "Consent Constraint", "ConsentConstrainedMembers");

    private final String code;
    private final String display;
    private final String parameterName;

    MultiMemberMatchResult(String code, String display, String parameterName) {
        this.code = code;
        this.display = display;
        this.parameterName = parameterName;
    }

    public String code() {
        return code;
    }

    public String display() {
        return display;
    }

    public String parameterName() {
        return parameterName;
    }
}

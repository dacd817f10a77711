package org.openpayer.bulkexport.model.fhir.pull;

/**
 * The kinds of Task.output of a pull, coded in {@link PayerPullVocabulary#CODES}. Counts by resource type carry the
 * type in {@code output.type.text}.
 */
public enum PullOutput {
    /** valueReference: the member's Patient at the old payer (absolute URL). */
    REMOTE_MEMBER("remote-member"),
    /** valueIdentifier: the member's identifier at the old payer (HRex UMB), when a match gave one. */
    MEMBER_IDENTIFIER("member-identifier"),
    /** valueUnsignedInt per type: resources stored (created or changed) by this pull. */
    IMPORTED("imported"),
    /** valueUnsignedInt per type: resources the old payer sent again unchanged, so nothing was written. */
    UNCHANGED("unchanged"),
    /** valueUnsignedInt per type: resources an earlier pull stored that the old payer lists as deleted. */
    DELETED("deleted"),
    /** valueUnsignedInt per type: resources not imported, with the reason in the output's type text. */
    SKIPPED("skipped"),
    /** valueReference: the Provenance recording where the imported resources came from. */
    PROVENANCE("provenance"),
    /** valueUnsignedInt: error files the old payer's manifest listed (its OperationOutcomes, not imported). */
    REMOTE_ERROR_FILES("remote-error-files");

    private final String code;

    PullOutput(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

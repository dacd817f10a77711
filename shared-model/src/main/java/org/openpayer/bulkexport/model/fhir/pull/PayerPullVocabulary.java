package org.openpayer.bulkexport.model.fhir.pull;

/**
 * Canonical URLs and codes of the payer-to-payer pull: {@code POST [base]/Patient/{id}/$payer-pull} starts one, and
 * {@code GET [base]/Task/{id}} shows it. The operation and its codes are this suite's own (neither HRex nor PDex
 * defines how a new payer runs its side), so they live under the suite's namespace.
 */
public final class PayerPullVocabulary {

    private static final String NAMESPACE = "https://openpayer.org/fhir/";

    /** The operation's name: {@code $payer-pull} on a Patient instance. */
    public static final String OPERATION = "payer-pull";
    /** The OperationDefinition the CapabilityStatement names for it. */
    public static final String OPERATION_DEFINITION = NAMESPACE + "OperationDefinition/payer-pull";
    /** The code system of Task.code, Task.input/output types and Task.statusReason (the step that failed). */
    public static final String CODES = NAMESPACE + "CodeSystem/payer-pull";
    /** Task.code of a pull. */
    public static final String TASK_CODE = "payer-pull";

    /** Input: the id of the registered payer to pull from (operators' registry). */
    public static final String REMOTE_PAYER = "remotePayer";
    /** Input: the member's Patient id at that payer, when known: the pull skips {@code $member-match}. */
    public static final String REMOTE_MEMBER_ID = "remoteMemberId";

    /** US Core's Provenance agent type for the organization that sent the data to us. */
    public static final String US_CORE_PROVENANCE_PARTICIPANT_TYPES =
            "http://hl7.org/fhir/us/core/CodeSystem/us-core-provenance-participant-type";
    public static final String TRANSMITTER = "transmitter";
    /** Provenance.entity.role of the member's record at the old payer. */
    public static final String SOURCE = "source";

    private PayerPullVocabulary() {
    }
}

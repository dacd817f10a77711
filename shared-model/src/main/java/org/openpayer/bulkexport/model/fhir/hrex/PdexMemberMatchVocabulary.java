package org.openpayer.bulkexport.model.fhir.hrex;

/**
 * Canonical URLs and names of PDex's {@code $bulk-member-match} (bulk payer-to-payer exchange, PDex 2.1.0): the
 * operation, its in- and out-profiles, the input parameter each member comes in, and the result Groups' profiles,
 * code system and extension.
 */
public final class PdexMemberMatchVocabulary {

    private static final String PDEX = "http://hl7.org/fhir/us/davinci-pdex/";

    /** The OperationDefinition as PDex 2.1.0 published it (2.2 renamed its id to BulkMemberMatch). */
    public static final String BULK_MEMBER_MATCH = PDEX + "OperationDefinition/bulk-member-match";
    public static final String BULK_MEMBER_MATCH_IN =
            PDEX + "StructureDefinition/pdex-parameters-multi-member-match-bundle-in";
    public static final String BULK_MEMBER_MATCH_OUT =
            PDEX + "StructureDefinition/pdex-parameters-multi-member-match-bundle-out";
    /** The input parameter, repeated once per member; its parts are named as HRex's $member-match parameters. */
    public static final String MEMBER_BUNDLE = "MemberBundle";

    /** The Group of matched members, the one exportable with {@code #payertopayer}. */
    public static final String MATCH_GROUP = PDEX + "StructureDefinition/pdex-member-match-group";
    /** The Groups of members not matched and of members whose Consent cannot be honoured. */
    public static final String NO_MATCH_GROUP = PDEX + "StructureDefinition/pdex-member-no-match-group";
    /** Group.code and characteristic.code: {@link MultiMemberMatchResult} codes. */
    public static final String RESULT_CODES = PDEX + "CodeSystem/PdexMultiMemberMatchResultCS";
    /** On member.entity: the submitted Patient (contained) the member was matched from. */
    public static final String MATCH_PARAMETERS = PDEX + "StructureDefinition/base-ext-match-parameters";

    private PdexMemberMatchVocabulary() {
    }
}

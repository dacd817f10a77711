package org.openpayer.bulkexport.export.roster;

/**
 * The member's Consent in a payer-to-payer export, as SQL over attribution-service's read contract
 * ({@code member_match_group}, {@code member_match}); written once here for the kick-off, the planner and the workers.
 * A Group of matched members belongs to the client whose {@code $bulk-member-match} made it. Each of its members is
 * exported under the Consent of the latest match that put the member in that Group for that client, and only while
 * that Consent is in force: status {@code active} and now (the member data's clock) within
 * {@code [consent_start, consent_end)}.
 */
public final class PayerConsentSql {

    /** The client a Group of matched members belongs to; no row for an attribution list. One parameter: the Group. */
    public static final String MATCH_GROUP_OWNER =
            "select client_id from attribution.member_match_group where group_id = ?";

    private static final String IN_FORCE = "(mm.consent_status = 'active' and mm.consent_start <= clock_timestamp() "
            + "and clock_timestamp() < mm.consent_end)";
    private static final String LATEST = " order by mm.matched_at desc, mm.id desc limit 1";

    /**
     * The members of a batch whose Consent is in force, with its policy ({@code regular} or {@code sensitive}).
     * Parameters: the Group, the client, the batch's Patient ids.
     */
    public static final String IN_FORCE_POLICIES = """
            select c.patient_id, c.consent_policy from (
              select distinct on (mm.patient_id) mm.patient_id, mm.consent_policy, %s as in_force
              from attribution.member_match mm
              where mm.match_group_id = ? and mm.client_id = ? and mm.patient_id = any(?)
              order by mm.patient_id, mm.matched_at desc, mm.id desc) c
            where c.in_force""".formatted(IN_FORCE);

    private PayerConsentSql() {
    }

    /** True for a member whose Consent is in force. One parameter: the client. */
    public static String inForce(String groupIdColumn, String patientIdColumn) {
        return "coalesce((select " + IN_FORCE + " from attribution.member_match mm where mm.match_group_id = "
                + groupIdColumn + " and mm.client_id = ? and mm.patient_id = " + patientIdColumn + LATEST + "), false)";
    }

    /**
     * True for a member whose Consent is in force and names one of the caller's payer identifiers as its recipient.
     * Two parameters, in this order: the identifiers ({@code system|value}), the client.
     */
    public static String inForceFor(String groupIdColumn, String patientIdColumn) {
        return "coalesce((select " + IN_FORCE + " and exists (select 1 from jsonb_array_elements_text("
                + "mm.consent_recipient) recipient where recipient = any(?)) from attribution.member_match mm "
                + "where mm.match_group_id = " + groupIdColumn + " and mm.client_id = ? and mm.patient_id = "
                + patientIdColumn + LATEST + "), false)";
    }
}

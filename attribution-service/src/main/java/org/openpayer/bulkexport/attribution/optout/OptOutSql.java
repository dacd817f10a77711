package org.openpayer.bulkexport.attribution.optout;

/**
 * The opt-out rule as SQL, for every query that decides who is a member: Group reads, member-data reads and
 * searches (export-service applies the same condition; see the read contract in docs/architecture.md).
 */
public final class OptOutSql {

    private OptOutSql() {
    }

    /** A condition, without parameters, that holds when the Patient in {@code patientIdColumn} has not opted out. */
    public static String notOptedOut(String patientIdColumn) {
        return "not exists (select 1 from attribution.member_opt_out o where o.patient_id = " + patientIdColumn + ")";
    }
}

package org.openpayer.bulkexport.export.roster;

/**
 * The one condition every export query uses to leave out members who opted out of provider access
 * ({@code attribution.member_opt_out}, attribution-service's read contract): their data is never exported, and they
 * attribute no providers.
 */
public final class OptOutSql {

    private OptOutSql() {
    }

    /** True for a Patient id column whose member has not opted out. */
    public static String notOptedOut(String patientIdColumn) {
        return "not exists (select 1 from attribution.member_opt_out o where o.patient_id = " + patientIdColumn + ")";
    }
}

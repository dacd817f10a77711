package org.openpayer.bulkexport.search;

import java.util.List;

/**
 * {@code patient=} or {@code subject=}: the resource is in one of these Patients' compartments. References of
 * another type match nothing, since only Patient subjects are indexed.
 */
record PatientCriterion(List<String> patientIds) implements SearchCriterion {

    /** {@code 123}, {@code Patient/123} or an absolute URL ending in {@code Patient/123}; empty otherwise. */
    static String patientId(String reference) {
        int slash = reference.lastIndexOf('/');
        if (slash < 0) {
            return reference;
        }
        String type = reference.substring(reference.lastIndexOf('/', slash - 1) + 1, slash);
        return "Patient".equals(type) ? reference.substring(slash + 1) : "";
    }

    @Override
    public SqlCondition toSql() {
        return new SqlCondition("r.patient_id = any(?)", List.of((Object) patientIds.toArray(String[]::new)));
    }
}

package org.openpayer.bulkexport.model.event;

/** The three kick-off levels of Bulk Data export, which decide the population of patients exported. */
public enum ExportLevel {
    /** {@code [base]/$export}: everything the client may read. */
    SYSTEM,
    /** {@code [base]/Patient/$export}: every patient compartment the client may read. */
    PATIENT,
    /** {@code [base]/Group/{id}/$export}: the compartments of the Group's current members. */
    GROUP
}

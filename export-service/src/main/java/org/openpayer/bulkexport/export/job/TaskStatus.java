package org.openpayer.bulkexport.export.job;

/** A task is planned until a worker reports it completed or failed; a second report of the same task is ignored. */
public enum TaskStatus {
    PLANNED, COMPLETED, FAILED
}

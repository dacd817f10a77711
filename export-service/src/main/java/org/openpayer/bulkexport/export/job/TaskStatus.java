package org.openpayer.bulkexport.export.job;

/**
 * A task waits until its job has room for it on the work queue ({@link TaskWindow}), is planned (published) until a
 * worker reports it completed or failed; a second report of the same task is ignored.
 */
public enum TaskStatus {
    WAITING, PLANNED, COMPLETED, FAILED
}

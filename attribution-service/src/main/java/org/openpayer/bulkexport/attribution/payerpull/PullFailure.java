package org.openpayer.bulkexport.attribution.payerpull;

/**
 * Why a pull cannot complete: it ends the pull {@code failed}, with this message as the Task's statusReason. Messages
 * are written for the operator reading the Task: what was attempted, what the old payer answered, what to do.
 */
public class PullFailure extends RuntimeException {

    private final PullStep step;

    public PullFailure(PullStep step, String message) {
        super(message);
        this.step = step;
    }

    public PullStep step() {
        return step;
    }
}

package org.openpayer.bulkexport.attribution.payerpull.task;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A pull's status, which is its Task's status (FHIR TaskStatus codes), and the one place its transitions are
 * declared: {@code requested → in-progress → completed | failed}, and {@code in-progress → in-progress} when another
 * instance takes over a pull whose instance died. A request that cannot even start (its payer's key is gone) may fail
 * from {@code requested}. Completed and failed pulls never change again: a new pull is a new Task.
 */
public enum PullStatus {
    REQUESTED("requested"),
    IN_PROGRESS("in-progress"),
    COMPLETED("completed"),
    FAILED("failed");

    private final String code;

    PullStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static PullStatus byCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pull status " + code));
    }

    /** The statuses a pull may move to this one from. */
    Set<PullStatus> from() {
        return switch (this) {
            case REQUESTED -> Set.of();
            case IN_PROGRESS -> Set.of(REQUESTED, IN_PROGRESS);
            case COMPLETED -> Set.of(IN_PROGRESS);
            case FAILED -> Set.of(REQUESTED, IN_PROGRESS);
        };
    }

    /** An SQL condition on {@code status} that holds exactly where moving to this status is allowed. */
    String sqlFrom() {
        List<String> codes = from().stream().map(status -> "'" + status.code + "'").sorted().toList();
        return "status in (" + String.join(", ", codes) + ")";
    }
}

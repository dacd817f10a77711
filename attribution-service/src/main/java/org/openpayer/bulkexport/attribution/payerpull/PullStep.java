package org.openpayer.bulkexport.attribution.payerpull;

/**
 * The steps of a pull, in order: where a running pull is (Task.businessStatus) and which step a failed one stopped at
 * (Task.statusReason, coded with {@link #code()}). Steps whose result is stored are skipped when a pull resumes.
 */
public enum PullStep {
    TOKEN("token", "getting an access token at the old payer"),
    MEMBER_MATCH("member-match", "finding the member at the old payer ($member-match)"),
    EXPORT("export", "exporting the member's data at the old payer"),
    DOWNLOAD("download", "downloading the exported files"),
    IMPORT("import", "importing the member's data into our store");

    private final String code;
    private final String description;

    PullStep(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The step's code in Task.statusReason and Task.businessStatus. */
    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    public static PullStep byCode(String code) {
        for (PullStep step : values()) {
            if (step.code.equals(code)) {
                return step;
            }
        }
        throw new IllegalArgumentException("no pull step " + code);
    }
}

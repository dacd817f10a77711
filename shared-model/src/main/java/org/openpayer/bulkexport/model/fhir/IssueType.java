package org.openpayer.bulkexport.model.fhir;

/** The OperationOutcome {@code issue.code} values the suite uses (FHIR R4 value set issue-type). */
public enum IssueType {
    INVALID("invalid"),
    REQUIRED("required"),
    VALUE("value"),
    NOT_SUPPORTED("not-supported"),
    NOT_FOUND("not-found"),
    DELETED("deleted"),
    LOGIN("login"),
    FORBIDDEN("forbidden"),
    CONFLICT("conflict"),
    MULTIPLE_MATCHES("multiple-matches"),
    BUSINESS_RULE("business-rule"),
    TOO_COSTLY("too-costly"),
    THROTTLED("throttled"),
    PROCESSING("processing"),
    TRANSIENT("transient"),
    EXCEPTION("exception"),
    INFORMATIONAL("informational");

    private final String code;

    IssueType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

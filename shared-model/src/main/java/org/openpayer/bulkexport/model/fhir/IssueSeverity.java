package org.openpayer.bulkexport.model.fhir;

import java.util.Locale;

/** OperationOutcome {@code issue.severity}. */
public enum IssueSeverity {
    FATAL, ERROR, WARNING, INFORMATION;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

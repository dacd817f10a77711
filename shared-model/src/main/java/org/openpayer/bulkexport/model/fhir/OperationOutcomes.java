package org.openpayer.bulkexport.model.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the OperationOutcome resources the suite answers errors with, and writes into export error files. One issue
 * per outcome is all the suite needs; the diagnostics text must be safe to show to a client.
 */
public final class OperationOutcomes {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OperationOutcomes() {
    }

    public static ObjectNode of(IssueSeverity severity, IssueType type, String diagnostics) {
        ObjectNode outcome = MAPPER.createObjectNode();
        outcome.put("resourceType", "OperationOutcome");
        ObjectNode issue = outcome.putArray("issue").addObject();
        issue.put("severity", severity.code());
        issue.put("code", type.code());
        issue.put("diagnostics", diagnostics);
        return outcome;
    }

    public static ObjectNode error(IssueType type, String diagnostics) {
        return of(IssueSeverity.ERROR, type, diagnostics);
    }

    /** One line of NDJSON, as written into a Bulk Data error file. */
    public static String toJsonLine(ObjectNode outcome) {
        try {
            return MAPPER.writeValueAsString(outcome);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an OperationOutcome node is always serializable", e);
        }
    }
}

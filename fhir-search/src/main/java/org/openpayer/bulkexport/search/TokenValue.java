package org.openpayer.bulkexport.search;

import com.fasterxml.jackson.databind.JsonNode;
import org.openpayer.bulkexport.rest.FhirException;

/**
 * A FHIR token search value: {@code code} (any system), {@code system|code}, or {@code |code} (no system).
 *
 * @param system {@code null} for any system, empty for "no system"
 * @param code   the code or identifier value
 */
public record TokenValue(String system, String code) {

    public static TokenValue parse(String parameter, String text) {
        int bar = text.indexOf('|');
        String code = bar < 0 ? text : text.substring(bar + 1);
        if (code.isEmpty()) {
            throw FhirException.badRequest(parameter + " needs a value: " + parameter + "=[system|]code.");
        }
        return new TokenValue(bar < 0 ? null : text.substring(0, bar), code);
    }

    /** Matches a Coding or an Identifier, whose system and value fields are named by the caller. */
    public boolean matches(JsonNode element, String codeField) {
        if (!code.equals(element.path(codeField).asText(null))) {
            return false;
        }
        if (system == null) {
            return true;
        }
        String elementSystem = element.path("system").asText("");
        return system.equals(elementSystem);
    }

    /** Matches any coding of a CodeableConcept. */
    public boolean matchesConcept(JsonNode concept) {
        for (JsonNode coding : concept.path("coding")) {
            if (matches(coding, "code")) {
                return true;
            }
        }
        return false;
    }
}

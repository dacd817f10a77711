package org.openpayer.bulkexport.export.kickoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openpayer.bulkexport.rest.FhirException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a POST kick-off, a FHIR {@code Parameters} resource, as the same name-to-values map a GET's query
 * gives: one {@code parameter{name, value[x]}} per value, repeats kept in order. Primitive values of any type are
 * accepted (Bulk Data asks servers to take {@code valueString} wherever a string-like type is declared); a
 * Reference keeps its {@code reference}.
 */
final class KickOffParameters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KickOffParameters() {
    }

    static Map<String, List<String>> fromBody(String body) {
        JsonNode parameters = parse(body);
        if (!"Parameters".equals(parameters.path("resourceType").asText())) {
            throw FhirException.badRequest("A POST kick-off takes a FHIR Parameters resource as its body.");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (JsonNode parameter : parameters.path("parameter")) {
            String name = parameter.path("name").asText("");
            if (name.isEmpty()) {
                throw FhirException.badRequest("Every Parameters.parameter needs a name.");
            }
            values.computeIfAbsent(name, key -> new ArrayList<>()).add(value(name, parameter));
        }
        return values;
    }

    private static String value(String name, JsonNode parameter) {
        Iterator<Map.Entry<String, JsonNode>> fields = parameter.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().startsWith("value")) {
                continue;
            }
            JsonNode value = field.getValue();
            if (value.isValueNode()) {
                return value.asText();
            }
            if (value.has("reference")) {
                return value.get("reference").asText();
            }
        }
        throw FhirException.badRequest("Parameter '" + name + "' needs a value (valueString, valueInstant, "
                + "valueReference, ...).");
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw FhirException.badRequest("A POST kick-off takes a FHIR Parameters resource as its body.");
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw FhirException.badRequest("The kick-off body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}

package org.openpayer.bulkexport.stack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Terse JSON literals for building FHIR resources: {@code obj("system", NPI, "value", "123")}. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** An object from alternating names and values; values are Strings, numbers, booleans or nodes. */
    static ObjectNode obj(Object... namesAndValues) {
        ObjectNode node = MAPPER.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.set((String) namesAndValues[i], value(namesAndValues[i + 1]));
        }
        return node;
    }

    static ArrayNode arr(Object... values) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Object value : values) {
            array.add(value(value));
        }
        return array;
    }

    static ObjectNode ref(String reference) {
        return obj("reference", reference);
    }

    static ObjectNode coding(String system, String code, String display) {
        return obj("system", system, "code", code, "display", display);
    }

    static ObjectNode concept(String system, String code, String display) {
        return obj("coding", arr(coding(system, code, display)), "text", display);
    }

    static String line(JsonNode node) {
        return node.toString();
    }

    private static JsonNode value(Object value) {
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String text) {
            return MAPPER.getNodeFactory().textNode(text);
        }
        if (value instanceof Integer number) {
            return MAPPER.getNodeFactory().numberNode(number);
        }
        if (value instanceof Double number) {
            return MAPPER.getNodeFactory().numberNode(number);
        }
        if (value instanceof Boolean flag) {
            return MAPPER.getNodeFactory().booleanNode(flag);
        }
        throw new IllegalArgumentException("unsupported JSON value " + value);
    }
}

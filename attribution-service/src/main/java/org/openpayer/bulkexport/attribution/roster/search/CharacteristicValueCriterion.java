package org.openpayer.bulkexport.attribution.roster.search;

import com.fasterxml.jackson.databind.JsonNode;
import org.openpayer.bulkexport.rest.FhirException;
import org.openpayer.bulkexport.search.TokenValue;

import java.util.List;

/**
 * {@code characteristic-value=code$value}, R4's composite of {@code characteristic.code} and a token on the value
 * ({@code valueCodeableConcept} or {@code valueBoolean}), both parts in one characteristic. Reference values are
 * searched with {@code characteristic-reference}.
 */
record CharacteristicValueCriterion(List<Pair> pairs) implements GroupCriterion {

    static CharacteristicValueCriterion of(List<String> values) {
        return new CharacteristicValueCriterion(values.stream().map(Pair::parse).toList());
    }

    @Override
    public boolean matches(JsonNode group) {
        for (JsonNode characteristic : group.path("characteristic")) {
            if (pairs.stream().anyMatch(pair -> pair.matches(characteristic))) {
                return true;
            }
        }
        return false;
    }

    /** One {@code code$value} pair. */
    record Pair(TokenValue code, TokenValue value) {

        static Pair parse(String text) {
            int dollar = text.indexOf('$');
            if (dollar <= 0 || dollar == text.length() - 1) {
                throw FhirException.badRequest("characteristic-value is written code$value, e.g. "
                        + "attributed-to$true; got '" + text + "'.");
            }
            return new Pair(TokenValue.parse("characteristic-value", text.substring(0, dollar)),
                    TokenValue.parse("characteristic-value", text.substring(dollar + 1)));
        }

        boolean matches(JsonNode characteristic) {
            if (!code.matchesConcept(characteristic.path("code"))) {
                return false;
            }
            JsonNode valueBoolean = characteristic.path("valueBoolean");
            if (valueBoolean.isBoolean()) {
                return value.system() == null && value.code().equals(valueBoolean.asText());
            }
            return value.matchesConcept(characteristic.path("valueCodeableConcept"));
        }
    }
}

package org.openpayer.bulkexport.attribution.roster.search;

import org.openpayer.bulkexport.search.TokenValue;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** {@code characteristic=[system|]code}: a token on {@code Group.characteristic.code}. */
record CharacteristicCriterion(List<TokenValue> codes) implements GroupCriterion {

    static CharacteristicCriterion of(List<String> values) {
        return new CharacteristicCriterion(values.stream().map(value -> TokenValue.parse("characteristic", value))
                .toList());
    }

    @Override
    public boolean matches(JsonNode group) {
        for (JsonNode characteristic : group.path("characteristic")) {
            if (codes.stream().anyMatch(code -> code.matchesConcept(characteristic.path("code")))) {
                return true;
            }
        }
        return false;
    }
}

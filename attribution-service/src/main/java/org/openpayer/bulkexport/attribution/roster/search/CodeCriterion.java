package org.openpayer.bulkexport.attribution.roster.search;

import org.openpayer.bulkexport.search.TokenValue;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** {@code code=[system|]code}: a token on {@code Group.code}, e.g. PDex's {@code pdexprovidergroup}. */
record CodeCriterion(List<TokenValue> codes) implements GroupCriterion {

    static CodeCriterion of(List<String> values) {
        return new CodeCriterion(values.stream().map(value -> TokenValue.parse("code", value)).toList());
    }

    @Override
    public boolean matches(JsonNode group) {
        return codes.stream().anyMatch(code -> code.matchesConcept(group.path("code")));
    }
}

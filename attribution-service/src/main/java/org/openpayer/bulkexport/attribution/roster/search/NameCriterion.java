package org.openpayer.bulkexport.attribution.roster.search;

import com.fasterxml.jackson.databind.JsonNode;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * {@code name} as a FHIR string search: by default case- and accent-insensitive "starts with"; {@code :exact} is
 * exact, {@code :contains} matches anywhere.
 */
record NameCriterion(List<String> values, Mode mode) implements GroupCriterion {

    /** The string search modifiers. */
    enum Mode { STARTS_WITH, EXACT, CONTAINS }

    @Override
    public boolean matches(JsonNode group) {
        String name = group.path("name").asText(null);
        if (name == null) {
            return false;
        }
        return values.stream().anyMatch(value -> switch (mode) {
            case EXACT -> name.equals(value);
            case CONTAINS -> fold(name).contains(fold(value));
            case STARTS_WITH -> fold(name).startsWith(fold(value));
        });
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}

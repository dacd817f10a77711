package org.openpayer.bulkexport.attribution.roster.search;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * {@code characteristic-reference} (also {@code characteristic-value-reference}, PDex's name): a reference search on
 * {@code Group.characteristic.valueReference}, the SMART attribution approach's
 * {@code characteristic=attributed-to&characteristic-reference=Organization/{id}}. {@code Organization/x} matches
 * that reference, also written as an absolute URL ending in it; a bare {@code x} matches any type's id x.
 */
record CharacteristicReferenceCriterion(List<String> references) implements GroupCriterion {

    @Override
    public boolean matches(JsonNode group) {
        for (JsonNode characteristic : group.path("characteristic")) {
            String reference = characteristic.path("valueReference").path("reference").asText(null);
            if (reference != null && references.stream().anyMatch(wanted -> sameTarget(reference, wanted))) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameTarget(String reference, String wanted) {
        if (wanted.contains("/")) {
            return reference.equals(wanted) || reference.endsWith("/" + wanted) || wanted.endsWith("/" + reference);
        }
        return reference.endsWith("/" + wanted);
    }
}

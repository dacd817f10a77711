package org.openpayer.bulkexport.model.fhir;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bulk Data's {@code _elements}: top-level elements to keep, each as {@code elem} (every type) or {@code Type.elem}
 * (that type only). A type none of the entries applies to is exported whole. The kick-off checks the values; the
 * workers read the same strings from the task, so both sides parse them here.
 */
public final class ElementSelection {

    private static final Pattern ELEMENT = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final String ANY_TYPE = "*";

    private final Map<String, Set<String>> elementsByType;

    private ElementSelection(Map<String, Set<String>> elementsByType) {
        this.elementsByType = elementsByType;
    }

    /**
     * @param values the {@code _elements} values (comma lists, possibly repeated)
     * @throws IllegalArgumentException naming the first entry that is no top-level element of a known type
     */
    public static ElementSelection parse(List<String> values) {
        Map<String, Set<String>> byType = new LinkedHashMap<>();
        for (String entry : values.stream().flatMap(value -> Arrays.stream(value.split(","))).map(String::strip)
                .filter(entry -> !entry.isEmpty()).toList()) {
            String[] parts = entry.split("\\.", -1);
            String type = parts.length == 2 ? parts[0] : ANY_TYPE;
            String element = parts[parts.length - 1];
            if (parts.length > 2 || !ELEMENT.matcher(element).matches()
                    || (parts.length == 2 && ResourceType.byName(type).isEmpty())) {
                throw new IllegalArgumentException("_elements takes top-level elements as elem or Type.elem; '"
                        + entry + "' is neither.");
            }
            byType.computeIfAbsent(type, key -> new LinkedHashSet<>()).add(element);
        }
        return new ElementSelection(byType);
    }

    /** The elements to keep for a type, or empty when the selection leaves that type whole. */
    public Optional<Set<String>> elementsFor(String resourceType) {
        Set<String> elements = new LinkedHashSet<>(elementsByType.getOrDefault(ANY_TYPE, Set.of()));
        elements.addAll(elementsByType.getOrDefault(resourceType, Set.of()));
        return elements.isEmpty() ? Optional.empty() : Optional.of(elements);
    }
}

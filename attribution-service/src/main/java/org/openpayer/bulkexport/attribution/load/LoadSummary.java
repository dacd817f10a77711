package org.openpayer.bulkexport.attribution.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What one bulk load stored, by resource type. */
public record LoadSummary(Map<String, Integer> countByType) {

    public LoadSummary {
        countByType = Map.copyOf(countByType);
    }

    public int total() {
        return countByType.values().stream().mapToInt(Integer::intValue).sum();
    }

    public String describe() {
        return "Loaded " + total() + " resources: " + new TreeMap<>(countByType).entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", ")) + ".";
    }
}

package org.openpayer.bulkexport.export.kickoff;

import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.rest.FhirException;
import org.openpayer.bulkexport.search.CriterionParser;
import org.openpayer.bulkexport.search.FilterQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Bulk Data's {@code _typeFilter}: FHIR search queries ({@code Observation?category=laboratory}), several for one
 * type ORed, a type without any exported whole. Both forms are read: v2's comma-joined list and v3's repeated
 * parameter. A comma splits two queries only where the next one starts with {@code Type?}, since a query's own
 * values may hold commas. Each query is checked here with the same parser the worker applies it with, so a job never
 * starts with a filter it cannot apply.
 */
final class TypeFilters {

    private static final Pattern NEXT_QUERY = Pattern.compile(",(?=[A-Z][A-Za-z]{1,63}\\?)");

    private TypeFilters() {
    }

    /**
     * @param values   the parameter's values, as given
     * @param exported the types the export includes: a filter of another type is an error
     * @return the usable queries by type, as {@code Type?query}; under lenient handling a query that cannot be applied
     *         is left out, and a type whose every query was left out is dropped from {@code exported}
     */
    static Map<ResourceType, List<String>> parse(List<String> values, List<String> exported, CriterionParser parser,
                                                 IgnoredParameters ignored) {
        Map<ResourceType, List<String>> byType = new LinkedHashMap<>();
        List<ResourceType> refused = new ArrayList<>();
        for (String value : values) {
            for (String text : NEXT_QUERY.split(value)) {
                try {
                    FilterQuery query = parse(text, exported, parser);
                    byType.computeIfAbsent(query.type(), type -> new ArrayList<>())
                            .add(query.type().name() + "?" + query.query());
                } catch (FhirException refusal) {
                    ignored.refuseOrIgnore(refusal);
                    ResourceType.byName(text.split("\\?", 2)[0]).ifPresent(refused::add);
                }
            }
        }
        // Exporting a type unfiltered because its filter was ignored would disclose more than the client asked for.
        for (ResourceType type : refused) {
            if (!byType.containsKey(type) && exported.contains(type.name())) {
                ignored.refuseOrIgnore(FhirException.badRequest("No _typeFilter for " + type.name()
                        + " could be applied, so " + type.name() + " is not exported at all."));
                byType.put(type, List.of());
            }
        }
        return byType;
    }

    private static FilterQuery parse(String text, List<String> exported, CriterionParser parser) {
        int question = text.indexOf('?');
        if (question < 0) {
            throw FhirException.badRequest("_typeFilter '" + text + "' is not a search query such as "
                    + "Observation?category=laboratory.");
        }
        String typeName = text.substring(0, question);
        ResourceType type = ResourceType.byName(typeName).filter(known -> exported.contains(known.name()))
                .orElseThrow(() -> FhirException.badRequest("_typeFilter '" + text + "' filters " + typeName
                        + ", which this export does not include."));
        if (type == ResourceType.Group) {
            throw FhirException.badRequest("_typeFilter '" + text + "': the Group of an ATR export is exported "
                    + "whole; filter its members with patient instead.");
        }
        try {
            return FilterQuery.parse(parser, type, text.substring(question + 1));
        } catch (FhirException e) {
            throw FhirException.badRequest("_typeFilter '" + text + "': " + e.getMessage());
        }
    }
}

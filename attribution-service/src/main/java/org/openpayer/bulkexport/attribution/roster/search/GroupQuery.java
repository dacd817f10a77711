package org.openpayer.bulkexport.attribution.roster.search;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.MultivaluedMap;
import org.openpayer.bulkexport.rest.FhirException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A Group search request: its criteria (repeated parameters AND, comma-separated values OR) and its summary mode.
 * Unknown parameters and modifiers are refused with a 400 naming the supported ones, never silently ignored: an
 * ignored filter would return Groups the client did not ask for.
 */
public record GroupQuery(List<GroupCriterion> criteria, Summary summary) {

    private static final String SUMMARY = "_summary";

    public GroupQuery {
        criteria = List.copyOf(criteria);
    }

    public static GroupQuery parse(MultivaluedMap<String, String> parameters) {
        List<GroupCriterion> criteria = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (SUMMARY.equals(parameter.getKey())) {
                continue;
            }
            String[] codeAndModifier = parameter.getKey().split(":", 2);
            String modifier = codeAndModifier.length == 2 ? codeAndModifier[1] : "";
            GroupSearchParameter searchParameter = GroupSearchParameter.byCode(codeAndModifier[0])
                    .filter(found -> found.supports(modifier))
                    .orElseThrow(() -> FhirException.notSupported("Group search parameter '" + parameter.getKey()
                            + "' is not supported; supported: " + supported() + "."));
            for (String occurrence : parameter.getValue()) {
                List<String> anyOf = Arrays.stream(occurrence.split(",")).map(String::trim)
                        .filter(value -> !value.isEmpty()).toList();
                if (anyOf.isEmpty()) {
                    throw FhirException.badRequest("Group search parameter '" + parameter.getKey()
                            + "' needs a value.");
                }
                criteria.add(searchParameter.criterion(modifier, anyOf));
            }
        }
        return new GroupQuery(criteria, Summary.parse(parameters.get(SUMMARY), true));
    }

    public boolean matches(JsonNode group) {
        return criteria.stream().allMatch(criterion -> criterion.matches(group));
    }

    private static String supported() {
        TreeSet<String> names = new TreeSet<>();
        for (GroupSearchParameter parameter : GroupSearchParameter.values()) {
            names.addAll(parameter.spellings());
        }
        names.add(SUMMARY);
        return String.join(", ", names);
    }
}

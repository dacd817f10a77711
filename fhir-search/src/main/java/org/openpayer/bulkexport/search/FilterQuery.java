package org.openpayer.bulkexport.search;

import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.rest.FhirException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A FHIR search query used as a filter, as Bulk Data's {@code _typeFilter} uses one: {@code name=value&...} of one
 * type, the parameters ANDed. Only parameters that select resources are allowed; result parameters ({@code _sort},
 * {@code _include}, ...) change what a search returns, not which resources, and are refused.
 *
 * @param type     the type filtered
 * @param query    the query as given (URL-encoded), for messages and for passing on
 * @param criteria its parameters, ANDed
 */
public record FilterQuery(ResourceType type, String query, List<SearchCriterion> criteria) {

    /** Parameters that shape a search's results rather than select resources. */
    public static final Set<String> RESULT_PARAMETERS = Set.of("_count", "_sort", "_include", "_revinclude",
            "_summary", "_elements", "_total", "_contained", "_containedType", "_format", "_pretty", "_cursor");

    public FilterQuery {
        criteria = List.copyOf(criteria);
    }

    /**
     * @throws FhirException a 400 naming the first parameter that cannot be applied exactly
     */
    public static FilterQuery parse(CriterionParser parser, ResourceType type, String query) {
        List<SearchCriterion> criteria = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (RESULT_PARAMETERS.contains(name.split(":", 2)[0])) {
                throw FhirException.badRequest("'" + name + "' is a result parameter; a filter may only use "
                        + "parameters that select resources.");
            }
            criteria.add(parser.criterion(type, name, value));
        }
        if (criteria.isEmpty()) {
            throw FhirException.badRequest("The filter " + type.name() + "?" + query + " has no search parameter.");
        }
        return new FilterQuery(type, query, criteria);
    }

    /** Any of the queries matches; each one's parameters all match. Over {@code attribution.resource r}. */
    public static SqlCondition anyOf(List<FilterQuery> queries) {
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("no filter queries");
        }
        List<String> alternatives = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (FilterQuery query : queries) {
            List<String> conditions = new ArrayList<>();
            for (SearchCriterion criterion : query.criteria()) {
                SqlCondition condition = criterion.toSql();
                conditions.add(condition.sql());
                values.addAll(condition.values());
            }
            alternatives.add("(" + String.join(" and ", conditions) + ")");
        }
        return new SqlCondition("(" + String.join(" or ", alternatives) + ")", values);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw FhirException.badRequest("'" + text + "' is not correctly URL-encoded.");
        }
    }
}

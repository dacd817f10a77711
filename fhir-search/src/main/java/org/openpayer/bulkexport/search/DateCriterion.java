package org.openpayer.bulkexport.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A date parameter, or {@code _lastUpdated}: any of the values (each with its prefix) matches. Indexed parameters
 * compare against {@code search_date}; {@code _lastUpdated} against the row's own {@code last_updated}, an instant
 * covered to its millisecond.
 */
record DateCriterion(String param, List<Comparison> comparisons) implements SearchCriterion {

    static final String LAST_UPDATED = "_lastUpdated";

    record Comparison(DatePrefix prefix, DateRange value) {
    }

    @Override
    public SqlCondition toSql() {
        boolean lastUpdated = LAST_UPDATED.equals(param);
        String low = lastUpdated ? "r.last_updated" : "d.low";
        String high = lastUpdated ? "(r.last_updated + interval '1 millisecond')" : "d.high";
        List<Object> binds = new ArrayList<>();
        List<String> alternatives = new ArrayList<>();
        for (Comparison comparison : comparisons) {
            alternatives.add(comparison.prefix().sql(low, high));
            binds.addAll(List.of(comparison.prefix().binds(comparison.value())));
        }
        String anyMatches = "(" + String.join(" or ", alternatives) + ")";
        if (lastUpdated) {
            return new SqlCondition(anyMatches, binds);
        }
        binds.add(0, param);
        return new SqlCondition("exists (select 1 from attribution.search_date d where d.resource_type = "
                + "r.resource_type and d.id = r.id and d.param = ? and " + anyMatches + ")", binds);
    }
}

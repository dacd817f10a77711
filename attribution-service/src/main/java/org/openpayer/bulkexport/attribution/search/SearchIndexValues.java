package org.openpayer.bulkexport.attribution.search;

import org.openpayer.bulkexport.search.DateRange;
import java.util.List;

/**
 * The index rows of one resource version: what {@code search_token} and {@code search_date} hold for it.
 *
 * @param tokens token values, one per system|code
 * @param dates  date ranges
 */
public record SearchIndexValues(List<Token> tokens, List<Date> dates) {

    public static final SearchIndexValues NONE = new SearchIndexValues(List.of(), List.of());

    /**
     * @param param  parameter name
     * @param system code system or identifier system, {@code ""} when the value has none
     * @param code   the code or identifier value
     */
    public record Token(String param, String system, String code) {
    }

    public record Date(String param, DateRange range) {
    }
}

package org.openpayer.bulkexport.attribution.search;

import java.util.List;

/**
 * A piece of a WHERE clause over {@code attribution.resource r}, with the values of its {@code ?} placeholders in
 * order. Values are bound, never spliced into the text.
 */
public record SqlCondition(String sql, List<Object> values) {
}

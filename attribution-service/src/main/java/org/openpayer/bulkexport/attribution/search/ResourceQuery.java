package org.openpayer.bulkexport.attribution.search;

import org.openpayer.bulkexport.attribution.roster.search.Summary;
import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.search.SearchCriterion;

import java.util.List;

/**
 * A parsed search of one resource type.
 *
 * @param type        the type searched
 * @param criteria    the conditions, ANDed
 * @param count       page size
 * @param afterId     keyset position: the last id of the previous page, or {@code null} for the first page
 * @param summary     {@code _summary}
 * @param elements    {@code _elements}: the top-level elements to return, empty for all
 * @param withTotal   whether the Bundle carries {@code total} ({@code _total=accurate}, {@code _summary=count})
 * @param selfQuery   the query string of the parameters in effect, for the Bundle's links (no cursor)
 * @param ignored     parameters left out under {@code Prefer: handling=lenient}, reported in the Bundle
 */
public record ResourceQuery(ResourceType type, List<SearchCriterion> criteria, int count, String afterId,
                            Summary summary, List<String> elements, boolean withTotal, String selfQuery,
                            List<String> ignored) {
}

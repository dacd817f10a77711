package org.openpayer.bulkexport.attribution.search;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.model.fhir.IssueSeverity;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.model.fhir.OperationOutcomes;
import org.openpayer.bulkexport.model.route.PublicUrls;

import java.util.List;

/**
 * Renders a page of matches as a searchset Bundle, written as text around the (projected) stored JSON so resources
 * are copied, not re-encoded. Links are absolute: {@code self} for the page as the server understood it, {@code next}
 * with the keyset cursor when more matches follow.
 */
@ApplicationScoped
public class SearchsetBundle {

    private final PublicUrls urls;
    private final EntryProjection projection;

    public SearchsetBundle(PublicUrls urls, EntryProjection projection) {
        this.urls = urls;
        this.projection = projection;
    }

    /**
     * @param matches up to {@code count + 1} matches; the extra one only signals a next page
     * @param total   the number of matches, or {@code null} when not asked for
     */
    public String render(ResourceQuery query, List<ResourceSearchRepository.Match> matches, Long total) {
        String typeUrl = urls.fhirBase() + "/" + query.type().name();
        boolean more = matches.size() > query.count();
        List<ResourceSearchRepository.Match> page = more ? matches.subList(0, query.count()) : matches;
        StringBuilder bundle = new StringBuilder(256 + page.stream().mapToInt(m -> m.content().length() + 96).sum());
        bundle.append("{\"resourceType\":\"Bundle\",\"type\":\"searchset\"");
        if (total != null) {
            bundle.append(",\"total\":").append(total);
        }
        String selfUrl = typeUrl + (query.selfQuery().isEmpty() ? "" : "?" + query.selfQuery());
        bundle.append(",\"link\":[").append(link("self", selfUrl));
        if (more) {
            String separator = query.selfQuery().isEmpty() ? "?" : "?" + query.selfQuery() + "&";
            String cursor = ResourceQueryParser.cursorAfter(page.get(page.size() - 1).id());
            bundle.append(',').append(link("next", typeUrl + separator + ResourceQueryParser.CURSOR + "=" + cursor));
        }
        bundle.append(']');
        if (!page.isEmpty() || !query.ignored().isEmpty()) {
            bundle.append(",\"entry\":[");
            String separator = "";
            for (ResourceSearchRepository.Match match : page) {
                bundle.append(separator).append("{\"fullUrl\":\"").append(escape(typeUrl + "/" + match.id()))
                        .append("\",\"resource\":")
                        .append(projection.project(match.content(), query.summary(), query.elements()))
                        .append(",\"search\":{\"mode\":\"match\"}}");
                separator = ",";
            }
            if (!query.ignored().isEmpty()) {
                String outcome = OperationOutcomes.toJsonLine(OperationOutcomes.of(IssueSeverity.WARNING,
                        IssueType.NOT_SUPPORTED, "Ignored under handling=lenient: " + String.join("; ",
                                query.ignored())));
                bundle.append(separator).append("{\"resource\":").append(outcome)
                        .append(",\"search\":{\"mode\":\"outcome\"}}");
            }
            bundle.append(']');
        }
        return bundle.append('}').toString();
    }

    private static String link(String relation, String url) {
        return "{\"relation\":\"" + relation + "\",\"url\":\"" + escape(url) + "\"}";
    }

    private static String escape(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }
}

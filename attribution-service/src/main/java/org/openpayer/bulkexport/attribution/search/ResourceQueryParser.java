package org.openpayer.bulkexport.attribution.search;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.attribution.roster.search.Summary;
import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.rest.FhirException;
import org.openpayer.bulkexport.search.CriterionParser;
import org.openpayer.bulkexport.search.SearchCriterion;
import org.openpayer.bulkexport.search.SearchParameterCatalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Turns a search's query parameters into a {@link ResourceQuery}. Every parameter the server does not support is a
 * 400 that lists the supported ones, unless the client asked for {@code Prefer: handling=lenient}: then it is left
 * out, and reported. A search is never silently widened by a parameter it did not understand.
 */
@ApplicationScoped
public class ResourceQueryParser {

    static final int DEFAULT_COUNT = 50;
    static final int MAX_COUNT = 1000;
    static final String CURSOR = "_cursor";

    /** Result parameters: how results come back, not which. {@code _format} is negotiated by the framework. */
    private static final List<String> RESULT_PARAMETERS = List.of(
            "_count", CURSOR, "_summary", "_elements", "_total", "_format");
    private static final Pattern ELEMENT_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

    private final CriterionParser criterionParser;

    public ResourceQueryParser(SearchParameterCatalog catalog) {
        this.criterionParser = new CriterionParser(catalog);
    }

    public ResourceQuery parse(ResourceType type, Map<String, List<String>> parameters, boolean lenient) {
        List<SearchCriterion> criteria = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        StringJoiner self = new StringJoiner("&");
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (RESULT_PARAMETERS.contains(name)) {
                if (!CURSOR.equals(name)) {
                    parameter.getValue().forEach(value -> self.add(encode(name) + "=" + encode(value)));
                }
                continue;
            }
            for (String value : parameter.getValue()) {
                try {
                    criteria.add(criterionParser.criterion(type, name, value));
                    self.add(encode(name) + "=" + encode(value));
                } catch (FhirException e) {
                    if (!lenient) {
                        throw e;
                    }
                    ignored.add(name + "=" + value + ": " + e.getMessage());
                }
            }
        }
        Summary summary = Summary.parse(parameters.get("_summary"), true);
        List<String> elements = elements(parameters.get("_elements"));
        if (!elements.isEmpty() && summary != Summary.FALSE) {
            throw FhirException.badRequest("_elements and _summary cannot be combined.");
        }
        boolean total = summary == Summary.COUNT || "accurate".equals(single(parameters, "_total"));
        return new ResourceQuery(type, criteria, count(single(parameters, "_count")),
                afterId(single(parameters, CURSOR)), summary, elements, total, self.toString(), ignored);
    }

    /** Opaque to clients: the base64url of the last id served. */
    static String cursorAfter(String lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.getBytes(StandardCharsets.UTF_8));
    }

    private static int count(String value) {
        if (value == null) {
            return DEFAULT_COUNT;
        }
        try {
            int count = Integer.parseInt(value);
            if (count >= 0) {
                return Math.min(count, MAX_COUNT);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw FhirException.badRequest("_count must be a number from 0 to " + MAX_COUNT + ", not '" + value + "'.");
    }

    private static String afterId(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw FhirException.badRequest("_cursor is not one this server issued; follow the Bundle's next link.");
        }
    }

    private static List<String> elements(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> elements = values.stream().flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim).filter(element -> !element.isEmpty()).toList();
        elements.stream().filter(element -> !ELEMENT_NAME.matcher(element).matches()).findFirst().ifPresent(bad -> {
            throw FhirException.badRequest("_elements names top-level elements such as 'status'; '" + bad
                    + "' is not one.");
        });
        return elements;
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw FhirException.badRequest(name + " must not be repeated.");
        }
        return values.get(0);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

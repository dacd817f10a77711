package org.openpayer.bulkexport.attribution.search;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.attribution.roster.search.Summary;
import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.rest.FhirException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;
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

    private final SearchParameterCatalog catalog;

    public ResourceQueryParser(SearchParameterCatalog catalog) {
        this.catalog = catalog;
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
                    criteria.add(criterion(type, name, value));
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

    private SearchCriterion criterion(ResourceType type, String name, String value) {
        String[] nameAndModifier = name.split(":", 2);
        String base = nameAndModifier[0];
        String modifier = nameAndModifier.length > 1 ? nameAndModifier[1] : null;
        List<String> values = splitOr(value);
        if (values.isEmpty()) {
            throw FhirException.badRequest(name + " needs a value.");
        }
        if ("_id".equals(base) && modifier == null) {
            return new IdCriterion(values);
        }
        if (DateCriterion.LAST_UPDATED.equals(base) && modifier == null) {
            return dateCriterion(base, values);
        }
        IndexedParameter indexed = catalog.parameter(type, base).orElseThrow(() -> unsupported(type, name));
        if (modifier != null && !(indexed.kind() == IndexKind.PATIENT && "Patient".equals(modifier))) {
            throw FhirException.notSupported("The modifier :" + modifier + " is not supported on " + base + ".");
        }
        return switch (indexed.kind()) {
            case TOKEN -> new TokenCriterion(base, values.stream()
                    .map(text -> TokenCriterion.parseValue(base, text)).toList());
            case DATE -> dateCriterion(base, values);
            case PATIENT -> new PatientCriterion(values.stream().map(PatientCriterion::patientId).toList());
        };
    }

    private static DateCriterion dateCriterion(String param, List<String> values) {
        List<DateCriterion.Comparison> comparisons = new ArrayList<>();
        for (String value : values) {
            DatePrefix prefix = DatePrefix.of(value).orElse(DatePrefix.EQ);
            String date = DatePrefix.of(value).isPresent() ? value.substring(2) : value;
            try {
                comparisons.add(new DateCriterion.Comparison(prefix, DateRange.parse(date)));
            } catch (IllegalArgumentException e) {
                throw FhirException.badRequest(param + ": " + e.getMessage() + " Prefixes: eq, ne, gt, lt, ge, le, "
                        + "sa, eb.");
            }
        }
        return new DateCriterion(param, comparisons);
    }

    private FhirException unsupported(ResourceType type, String name) {
        TreeSet<String> supported = new TreeSet<>(catalog.parameters(type).keySet());
        supported.addAll(List.of("_id", "_lastUpdated"));
        return FhirException.notSupported("The search parameter '" + name + "' is not supported on " + type.name()
                + ". Supported: " + String.join(", ", supported) + "; and _count, _summary, _elements, _total.");
    }

    /** FHIR's OR separator, with {@code \,} for a literal comma. */
    private static List<String> splitOr(String value) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && value.charAt(i + 1) == ',') {
                current.append(',');
                i++;
            } else if (c == ',') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts.stream().filter(part -> !part.isEmpty()).toList();
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

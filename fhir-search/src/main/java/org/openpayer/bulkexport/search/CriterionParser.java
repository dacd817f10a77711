package org.openpayer.bulkexport.search;

import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.rest.FhirException;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns one search parameter ({@code name[:modifier]=value[,value]}) of one type into a {@link SearchCriterion}.
 * Anything the index cannot answer exactly is refused with the reason (a 400 or 501 {@link FhirException}), never
 * matched loosely: a search or an export filter is never silently widened.
 */
public final class CriterionParser {

    /** Parameters of every type, answered from the resource row itself. */
    public static final List<String> COMMON = List.of("_id", DateCriterion.LAST_UPDATED);

    private final SearchParameterCatalog catalog;

    public CriterionParser(SearchParameterCatalog catalog) {
        this.catalog = catalog;
    }

    public SearchCriterion criterion(ResourceType type, String name, String value) {
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

    /** The parameters a type may be searched or filtered by, sorted. */
    public TreeSet<String> supported(ResourceType type) {
        TreeSet<String> supported = new TreeSet<>(catalog.parameters(type).keySet());
        supported.addAll(COMMON);
        return supported;
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
        return FhirException.notSupported("The search parameter '" + name + "' is not supported on " + type.name()
                + ". Supported: " + String.join(", ", supported(type)) + ".");
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
}

package org.openpayer.bulkexport.attribution.roster.search;

import com.fasterxml.jackson.databind.JsonNode;
import org.openpayer.bulkexport.model.fhir.IdentifierSystem;
import org.openpayer.bulkexport.rest.FhirException;
import org.openpayer.bulkexport.search.TokenValue;

import java.util.List;
import java.util.Map;

/**
 * {@code identifier=[system|]value}, and the ATR STU1 form {@code identifier:of-type=typeSystem|typeCode|value}. An
 * identifier without a {@code type} counts as the type its system implies (an NPI is of type v2-0203 NPI, a TIN of
 * type TAX), since many payers' Groups carry bare NPI and TIN identifiers and STU1 clients still search by type.
 */
final class IdentifierCriterion implements GroupCriterion {

    static final String IDENTIFIER_TYPES = "http://terminology.hl7.org/CodeSystem/v2-0203";
    private static final Map<String, String> TYPE_IMPLIED_BY_SYSTEM = Map.of(
            IdentifierSystem.NPI.uri(), "NPI",
            IdentifierSystem.TIN.uri(), "TAX");

    private final List<TokenValue> values;
    private final List<TypedValue> typedValues;

    private IdentifierCriterion(List<TokenValue> values, List<TypedValue> typedValues) {
        this.values = values;
        this.typedValues = typedValues;
    }

    static IdentifierCriterion of(List<String> values) {
        return new IdentifierCriterion(values.stream().map(value -> TokenValue.parse("identifier", value)).toList(),
                List.of());
    }

    static IdentifierCriterion ofType(List<String> values) {
        return new IdentifierCriterion(List.of(), values.stream().map(TypedValue::parse).toList());
    }

    @Override
    public boolean matches(JsonNode group) {
        for (JsonNode identifier : group.path("identifier")) {
            if (values.stream().anyMatch(value -> value.matches(identifier, "value"))
                    || typedValues.stream().anyMatch(value -> value.matches(identifier))) {
                return true;
            }
        }
        return false;
    }

    /** One {@code :of-type} value: the identifier's type coding and its value. */
    private record TypedValue(String typeSystem, String typeCode, String value) {

        static TypedValue parse(String text) {
            String[] parts = text.split("\\|", -1);
            if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
                throw FhirException.badRequest("identifier:of-type is written typeSystem|typeCode|value, e.g. "
                        + IDENTIFIER_TYPES + "|NPI|1316206220; got '" + text + "'.");
            }
            return new TypedValue(parts[0], parts[1], parts[2]);
        }

        boolean matches(JsonNode identifier) {
            if (!value.equals(identifier.path("value").asText(null))) {
                return false;
            }
            JsonNode codings = identifier.path("type").path("coding");
            if (codings.isEmpty()) {
                return IDENTIFIER_TYPES.equals(typeSystem)
                        && typeCode.equals(TYPE_IMPLIED_BY_SYSTEM.get(identifier.path("system").asText()));
            }
            for (JsonNode coding : codings) {
                if (typeCode.equals(coding.path("code").asText())
                        && (typeSystem.isEmpty() || typeSystem.equals(coding.path("system").asText()))) {
                    return true;
                }
            }
            return false;
        }
    }
}

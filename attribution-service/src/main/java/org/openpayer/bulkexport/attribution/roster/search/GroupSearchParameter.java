package org.openpayer.bulkexport.attribution.roster.search;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Group search parameters we support: the one list that both the search and the CapabilityStatement read, so the
 * two cannot disagree. Base R4 parameters point at their HL7 definitions; {@code name} and
 * {@code characteristic-reference} are ours (R4 has neither on Group) and are served as SearchParameter resources.
 */
public enum GroupSearchParameter {
    ID("_id", "token", "http://hl7.org/fhir/SearchParameter/Resource-id", null,
            "Logical id of the Group.", Map.of("", IdCriterion::new)),
    IDENTIFIER("identifier", "token", "http://hl7.org/fhir/SearchParameter/Group-identifier", null,
            "NPI, TIN, contract or settlement-entity identifier; :of-type takes typeSystem|typeCode|value (ATR STU1), "
                    + "and a bare NPI or TIN identifier counts as type NPI or TAX.",
            Map.of("", IdentifierCriterion::of, "of-type", IdentifierCriterion::ofType)),
    NAME("name", "string", null, "Group.name",
            "The Group's name: starts with, ignoring case and accents; :exact and :contains as in FHIR.",
            Map.of("", values -> new NameCriterion(values, NameCriterion.Mode.STARTS_WITH),
                    "exact", values -> new NameCriterion(values, NameCriterion.Mode.EXACT),
                    "contains", values -> new NameCriterion(values, NameCriterion.Mode.CONTAINS))),
    CODE("code", "token", "http://hl7.org/fhir/SearchParameter/Group-code", null,
            "Group.code, e.g. PDex's provider Groups: PdexMemberAttributionCS|pdexprovidergroup.",
            Map.of("", CodeCriterion::of)),
    CHARACTERISTIC("characteristic", "token", "http://hl7.org/fhir/SearchParameter/Group-characteristic", null,
            "A characteristic's code, e.g. attributed-to.", Map.of("", CharacteristicCriterion::of)),
    CHARACTERISTIC_VALUE("characteristic-value", "composite",
            "http://hl7.org/fhir/SearchParameter/Group-characteristic-value", null,
            "code$value of one characteristic; the value is a token (CodeableConcept or boolean).",
            Map.of("", CharacteristicValueCriterion::of)),
    CHARACTERISTIC_REFERENCE("characteristic-reference", "reference", null,
            "Group.characteristic.value.ofType(Reference)",
            "The Reference value of a characteristic, e.g. the attributed Organization/{id}.",
            Map.of("", CharacteristicReferenceCriterion::new)),
    CHARACTERISTIC_VALUE_REFERENCE("characteristic-value-reference", "reference",
            "http://hl7.org/fhir/us/davinci-pdex/SearchParameter/pdex-group-characteristic-value-reference", null,
            "PDex's name for characteristic-reference.", Map.of("", CharacteristicReferenceCriterion::new));

    private final String code;
    private final String type;
    private final String hl7Definition;
    private final String expression;
    private final String documentation;
    private final Map<String, Function<List<String>, GroupCriterion>> criterionByModifier;

    GroupSearchParameter(String code, String type, String hl7Definition, String expression, String documentation,
                         Map<String, Function<List<String>, GroupCriterion>> criterionByModifier) {
        this.code = code;
        this.type = type;
        this.hl7Definition = hl7Definition;
        this.expression = expression;
        this.documentation = documentation;
        this.criterionByModifier = criterionByModifier;
    }

    public static Optional<GroupSearchParameter> byCode(String code) {
        return Arrays.stream(values()).filter(parameter -> parameter.code.equals(code)).findFirst();
    }

    /** Our own parameters, with no published definition to point at. */
    public static List<GroupSearchParameter> custom() {
        return Arrays.stream(values()).filter(GroupSearchParameter::isCustom).toList();
    }

    public String code() {
        return code;
    }

    public String type() {
        return type;
    }

    public String documentation() {
        return documentation;
    }

    public boolean isCustom() {
        return hl7Definition == null;
    }

    /** The canonical URL of the definition: HL7's, or ours under {@code fhirBase}. */
    public String definition(String fhirBase) {
        return isCustom() ? fhirBase + "/SearchParameter/" + customId() : hl7Definition;
    }

    /** The id of our SearchParameter resource, for custom parameters. */
    public String customId() {
        return "group-" + code;
    }

    /** The FHIRPath of a custom parameter. */
    public String expression() {
        return expression;
    }

    /** Whether the parameter takes {@code modifier} ("" for none). */
    boolean supports(String modifier) {
        return criterionByModifier.containsKey(modifier);
    }

    /** The criterion for {@code values} under a supported {@code modifier}. */
    GroupCriterion criterion(String modifier, List<String> values) {
        return criterionByModifier.get(modifier).apply(values);
    }

    /** How the parameter is written with each supported modifier, for error messages. */
    List<String> spellings() {
        return criterionByModifier.keySet().stream().sorted()
                .map(modifier -> modifier.isEmpty() ? code : code + ":" + modifier).toList();
    }
}

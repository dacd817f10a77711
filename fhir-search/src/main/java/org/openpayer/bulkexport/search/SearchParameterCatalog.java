package org.openpayer.bulkexport.search;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import org.openpayer.bulkexport.model.fhir.ResourceType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The search parameters each stored type supports besides {@code _id} and {@code _lastUpdated}: the common ones a
 * payer's clients use, wherever FHIR R4 defines them for the type. Their elements come from HL7's own definitions
 * (as HAPI FHIR carries them), so the index, the search and the CapabilityStatement cannot disagree with the
 * specification or with each other. Group is not here: its discovery search has its own parameters and tables.
 */
public final class SearchParameterCatalog {

    /** The parameters offered, in the order the CapabilityStatement lists them. */
    public static final List<String> OFFERED = List.of(
            "identifier", "patient", "subject", "date", "status", "category", "code", "type");

    private final Map<ResourceType, Map<String, IndexedParameter>> byType = new EnumMap<>(ResourceType.class);

    /** Reads HL7's definitions once; share the instance (building it walks every type's definition). */
    public SearchParameterCatalog(FhirContext context) {
        for (ResourceType type : ResourceType.values()) {
            if (type == ResourceType.Group) {
                continue;
            }
            RuntimeResourceDefinition definition = context.getResourceDefinition(type.name());
            Map<String, IndexedParameter> parameters = new LinkedHashMap<>();
            for (String name : OFFERED) {
                RuntimeSearchParam hl7 = definition.getSearchParam(name);
                if (hl7 != null) {
                    indexed(context, definition, type, hl7).ifPresent(p -> parameters.put(name, p));
                }
            }
            byType.put(type, Collections.unmodifiableMap(parameters));
        }
    }

    /** The indexed parameters of a type, by name; empty for Group. */
    public Map<String, IndexedParameter> parameters(ResourceType type) {
        return byType.getOrDefault(type, Map.of());
    }

    public Optional<IndexedParameter> parameter(ResourceType type, String name) {
        return Optional.ofNullable(parameters(type).get(name));
    }

    private static Optional<IndexedParameter> indexed(FhirContext context, RuntimeResourceDefinition definition,
                                                      ResourceType type, RuntimeSearchParam hl7) {
        RestSearchParameterTypeEnum hl7Type = hl7.getParamType();
        if (hl7Type == RestSearchParameterTypeEnum.REFERENCE && type.inPatientCompartment()) {
            // patient and subject: the compartment's Patient, kept on every row. Other subjects (a Group, a Device)
            // are not searchable, which the CapabilityStatement documentation says.
            return Optional.of(new IndexedParameter(type.name(), hl7.getName(), IndexKind.PATIENT, List.of(), null,
                    hl7.getUri()));
        }
        IndexKind kind = switch (hl7Type) {
            case TOKEN -> IndexKind.TOKEN;
            case DATE -> IndexKind.DATE;
            default -> null;
        };
        if (kind == null) {
            return Optional.empty();
        }
        List<String> paths = new ArrayList<>();
        Class<?> onlyDatatype = null;
        for (String alternative : hl7.getPath().split("\\|")) {
            String expression = alternative.trim().replaceAll("^\\((.*)\\)$", "$1");
            String[] cast = expression.split(" as ");
            if (cast.length == 2) {
                onlyDatatype = context.getElementDefinition(cast[1].trim()).getImplementingClass();
            }
            paths.add(terserPath(definition, cast[0].trim()));
        }
        return Optional.of(new IndexedParameter(type.name(), hl7.getName(), kind, List.copyOf(paths), onlyDatatype,
                hl7.getUri()));
    }

    /** {@code Observation.effective} becomes {@code Observation.effective[x]}: the terser names choices that way. */
    private static String terserPath(RuntimeResourceDefinition definition, String expression) {
        List<String> segments = Arrays.asList(expression.split("\\."));
        if (!segments.get(0).equals(definition.getName())) {
            throw new IllegalStateException("Unexpected search path " + expression);
        }
        StringBuilder path = new StringBuilder(definition.getName());
        BaseRuntimeElementDefinition<?> current = definition;
        for (String segment : segments.subList(1, segments.size())) {
            if (current == null) {
                throw new IllegalStateException("Search path " + expression + " goes through a choice element");
            }
            BaseRuntimeElementCompositeDefinition<?> composite = (BaseRuntimeElementCompositeDefinition<?>) current;
            BaseRuntimeChildDefinition child = composite.getChildByName(segment);
            String childName = segment;
            if (child == null) {
                childName = segment + "[x]";
                child = composite.getChildByName(childName);
            }
            if (child == null) {
                throw new IllegalStateException("Search path " + expression + " names no element " + segment);
            }
            path.append('.').append(childName);
            // A choice ([x]) has one definition per datatype and none by its own name: it can only end a path.
            current = childName.endsWith("[x]") ? null : child.getChildByName(childName);
        }
        return path.toString();
    }
}

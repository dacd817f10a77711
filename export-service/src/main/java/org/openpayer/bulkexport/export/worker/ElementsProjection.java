package org.openpayer.bulkexport.export.worker;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.model.fhir.ElementSelection;
import org.openpayer.bulkexport.model.fhir.SubsettedTag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Bulk Data's {@code _elements} on the worker: each resource keeps {@code resourceType}, {@code id}, {@code meta},
 * the elements its type requires (FHIR R4 cardinality, from HAPI FHIR's definitions) and the elements listed, and is
 * tagged SUBSETTED. A choice element listed or required by its name ({@code effective}) keeps whichever type is
 * present ({@code effectiveDateTime}). Types the selection leaves whole are copied without parsing.
 */
@ApplicationScoped
public class ElementsProjection {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ALWAYS_KEPT = Set.of("resourceType", "id", "meta");

    /** Built on first use: only exports with {@code _elements} pay for the FHIR definitions. */
    private volatile FhirContext fhir;
    private final Map<String, Set<String>> requiredByType = new ConcurrentHashMap<>();

    /** The rewrite for one task's rows; the identity when the task keeps its type whole. */
    UnaryOperator<byte[]> forTask(String resourceType, List<String> elements) {
        return keptElements(resourceType, elements)
                .<UnaryOperator<byte[]>>map(kept -> json -> project(json, kept))
                .orElse(UnaryOperator.identity());
    }

    /** The elements a resource of the type keeps under the selection, or empty when it stays whole. */
    Optional<Set<String>> keptElements(String resourceType, List<String> elements) {
        Optional<Set<String>> listed = elements == null ? Optional.empty()
                : ElementSelection.parse(elements).elementsFor(resourceType);
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        Set<String> kept = new HashSet<>(listed.get());
        kept.addAll(required(resourceType));
        return Optional.of(Set.copyOf(kept));
    }

    /** Leaves a parsed resource with the kept elements (and those always kept) only, tagged SUBSETTED. */
    static ObjectNode retain(ObjectNode resource, Set<String> kept) {
        List<String> retained = new ArrayList<>();
        resource.fieldNames().forEachRemaining(name -> {
            if (ALWAYS_KEPT.contains(name) || kept.contains(baseName(name, kept))) {
                retained.add(name);
            }
        });
        resource.retain(retained);
        return SubsettedTag.mark(resource);
    }

    private static byte[] project(byte[] json, Set<String> kept) {
        try {
            return JSON.writeValueAsBytes(retain((ObjectNode) JSON.readTree(json), kept));
        } catch (IOException e) {
            throw new UncheckedIOException("a stored resource is not JSON", e);
        }
    }

    /** {@code effectiveDateTime} counts as {@code effective} when {@code effective} is kept. */
    private static String baseName(String name, Set<String> kept) {
        for (int i = name.length() - 1; i > 0; i--) {
            if (Character.isUpperCase(name.charAt(i)) && kept.contains(name.substring(0, i))) {
                return name.substring(0, i);
            }
        }
        return name;
    }

    private Set<String> required(String resourceType) {
        return requiredByType.computeIfAbsent(resourceType, type -> {
            Set<String> required = new HashSet<>();
            for (BaseRuntimeChildDefinition child : context().getResourceDefinition(type).getChildren()) {
                if (child.getMin() > 0) {
                    required.add(child.getElementName().replace("[x]", ""));
                }
            }
            return Set.copyOf(required);
        });
    }

    private FhirContext context() {
        if (fhir == null) {
            fhir = FhirContext.forR4Cached();
        }
        return fhir;
    }
}

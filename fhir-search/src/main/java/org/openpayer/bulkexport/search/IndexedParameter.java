package org.openpayer.bulkexport.search;

import java.util.List;

/**
 * One search parameter of one resource type, as the server indexes it.
 *
 * @param resourceType the type searched
 * @param name         the parameter name
 * @param kind         how its values are kept
 * @param paths        FhirTerser paths to the indexed elements (choice elements as {@code name[x]}); empty for
 *                     {@link IndexKind#PATIENT}
 * @param onlyDatatype when the FHIRPath expression narrows a choice to one datatype ({@code medication as
 *                     CodeableConcept}), the HAPI class of it; otherwise {@code null}
 * @param definition   the canonical URL of the HL7 SearchParameter it implements
 */
public record IndexedParameter(String resourceType, String name, IndexKind kind, List<String> paths,
                               Class<?> onlyDatatype, String definition) {
}

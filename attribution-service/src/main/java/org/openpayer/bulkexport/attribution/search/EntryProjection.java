package org.openpayer.bulkexport.attribution.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.attribution.roster.search.Summary;
import org.openpayer.bulkexport.model.fhir.SubsettedTag;

import java.util.List;
import java.util.Set;

/**
 * What of each stored resource a search returns. Without {@code _summary} or {@code _elements} the stored JSON is
 * copied as is, never parsed; otherwise the subset is tagged SUBSETTED, as FHIR requires of any partial resource.
 */
@ApplicationScoped
public class EntryProjection {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every resource keeps these, whatever {@code _elements} names. */
    private static final Set<String> ALWAYS_KEPT = Set.of("resourceType", "id", "meta");

    private final FhirJson fhir;

    public EntryProjection(FhirJson fhir) {
        this.fhir = fhir;
    }

    public String project(String content, Summary summary, List<String> elements) {
        if (!elements.isEmpty()) {
            return SubsettedTag.mark(onlyElements(tree(content), elements)).toString();
        }
        return switch (summary) {
            case FALSE, COUNT -> content;
            case DATA -> {
                ObjectNode resource = tree(content);
                resource.remove("text");
                yield SubsettedTag.mark(resource).toString();
            }
            case TRUE -> {
                IBaseResource parsed = fhir.strictParser().parseResource(content);
                String summarized = fhir.context().newJsonParser().setSummaryMode(true).encodeResourceToString(parsed);
                yield SubsettedTag.mark(tree(summarized)).toString();
            }
        };
    }

    private static ObjectNode onlyElements(ObjectNode original, List<String> elements) {
        ObjectNode kept = JSON.createObjectNode();
        original.properties().forEach(field -> {
            if (ALWAYS_KEPT.contains(field.getKey()) || elements.contains(field.getKey())) {
                kept.set(field.getKey(), field.getValue());
            }
        });
        return kept;
    }

    private static ObjectNode tree(String content) {
        try {
            return (ObjectNode) JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored resource is not JSON", e);
        }
    }
}

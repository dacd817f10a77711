package org.openpayer.bulkexport.model.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** FHIR's mark on a resource served without some of its elements (R4 §2.36.0.4, "Summary"). */
public final class SubsettedTag {

    public static final String SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";
    public static final String CODE = "SUBSETTED";

    private SubsettedTag() {
    }

    /** Adds the tag to {@code meta.tag} unless it is there already; returns the resource. */
    public static ObjectNode mark(ObjectNode resource) {
        ObjectNode meta = resource.has("meta") ? (ObjectNode) resource.get("meta") : resource.putObject("meta");
        ArrayNode tags = meta.has("tag") ? (ArrayNode) meta.get("tag") : meta.putArray("tag");
        for (JsonNode tag : tags) {
            if (SYSTEM.equals(tag.path("system").asText()) && CODE.equals(tag.path("code").asText())) {
                return resource;
            }
        }
        tags.addObject().put("system", SYSTEM).put("code", CODE).put("display", "Resource encoded in summary mode");
        return resource;
    }
}

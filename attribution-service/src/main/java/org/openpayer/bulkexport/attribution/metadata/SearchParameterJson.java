package org.openpayer.bulkexport.attribution.metadata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openpayer.bulkexport.attribution.roster.search.GroupSearchParameter;

/** One of our own Group search parameters as a FHIR SearchParameter resource. */
final class SearchParameterJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchParameterJson() {
    }

    static String of(GroupSearchParameter parameter, String fhirBase) {
        ObjectNode resource = JSON.createObjectNode();
        resource.put("resourceType", "SearchParameter");
        resource.put("id", parameter.customId());
        resource.put("url", parameter.definition(fhirBase));
        resource.put("name", parameter.customId());
        resource.put("status", "active");
        resource.put("description", parameter.documentation());
        resource.put("code", parameter.code());
        resource.putArray("base").add("Group");
        resource.put("type", parameter.type());
        resource.put("expression", parameter.expression());
        return resource.toString();
    }
}

package org.openpayer.bulkexport.attribution.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.model.route.PublicUrls;

import java.util.List;

/** Wraps matching Groups into a FHIR searchset Bundle with absolute URLs. */
@ApplicationScoped
public class GroupSearchBundle {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PublicUrls urls;

    public GroupSearchBundle(PublicUrls urls) {
        this.urls = urls;
    }

    String searchset(String requestUri, List<String> groups) {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "searchset");
        bundle.put("total", groups.size());
        String query = requestUri.contains("?") ? requestUri.substring(requestUri.indexOf('?')) : "";
        bundle.putArray("link").addObject().put("relation", "self").put("url", urls.fhirBase() + "/Group" + query);
        ArrayNode entries = bundle.putArray("entry");
        for (String group : groups) {
            try {
                ObjectNode resource = (ObjectNode) JSON.readTree(group);
                ObjectNode entry = entries.addObject();
                entry.put("fullUrl", urls.fhirBase() + "/Group/" + resource.path("id").asText());
                entry.set("resource", resource);
                entry.putObject("search").put("mode", "match");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored Group JSON is unreadable", e);
            }
        }
        return bundle.toString();
    }
}

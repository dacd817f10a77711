package org.openpayer.bulkexport.attribution.roster;

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

    /** A searchset with every match; {@code groups} is empty under {@code _summary=count}: only the total counts. */
    String searchset(String requestUri, int total, List<ObjectNode> groups) {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "searchset");
        bundle.put("total", total);
        String query = requestUri.contains("?") ? requestUri.substring(requestUri.indexOf('?')) : "";
        bundle.putArray("link").addObject().put("relation", "self").put("url", urls.fhirBase() + "/Group" + query);
        if (!groups.isEmpty()) {
            ArrayNode entries = bundle.putArray("entry");
            for (ObjectNode group : groups) {
                ObjectNode entry = entries.addObject();
                entry.put("fullUrl", urls.fhirBase() + "/Group/" + group.path("id").asText());
                entry.set("resource", group);
                entry.putObject("search").put("mode", "match");
            }
        }
        return bundle.toString();
    }
}

package org.openpayer.bulkexport.attribution.roster;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import org.openpayer.bulkexport.model.route.PublicUrls;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes matching Groups as a FHIR searchset Bundle with absolute URLs. When members are served, each Group's members
 * stream from the database into its entry, so a search never holds a member list in memory.
 */
@ApplicationScoped
public class GroupSearchBundle {

    private static final int BUFFER_CHARS = 64 * 1024;

    private final PublicUrls urls;

    public GroupSearchBundle(PublicUrls urls) {
        this.urls = urls;
    }

    /**
     * @param groups  the matches as served, without members; empty under {@code _summary=count}
     * @param members each match's member stream, or empty when the summary mode leaves members out
     */
    StreamingOutput searchset(String requestUri, int total, List<ObjectNode> groups,
                              Optional<Function<String, GroupStreamingBody.MemberSource>> members) {
        String query = requestUri.contains("?") ? requestUri.substring(requestUri.indexOf('?')) : "";
        return output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), BUFFER_CHARS);
            writer.write("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":" + total
                    + ",\"link\":[{\"relation\":\"self\",\"url\":\"" + escape(urls.fhirBase() + "/Group" + query)
                    + "\"}]");
            if (!groups.isEmpty()) {
                writer.write(",\"entry\":[");
                String separator = "";
                for (ObjectNode group : groups) {
                    String id = group.path("id").asText();
                    writer.write(separator + "{\"fullUrl\":\"" + escape(urls.fhirBase() + "/Group/" + id)
                            + "\",\"resource\":");
                    if (members.isPresent()) {
                        GroupStreamingBody.writeGroup(writer, group.toString(), members.get().apply(id));
                    } else {
                        writer.write(group.toString());
                    }
                    writer.write(",\"search\":{\"mode\":\"match\"}}");
                    separator = ",";
                }
                writer.write("]");
            }
            writer.write("}");
            writer.flush();
        };
    }

    private static String escape(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }
}

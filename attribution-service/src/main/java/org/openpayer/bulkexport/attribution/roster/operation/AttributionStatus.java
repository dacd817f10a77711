package org.openpayer.bulkexport.attribution.roster.operation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.attribution.read.ResourceRepository;
import org.openpayer.bulkexport.model.fhir.atr.AtrVocabulary;
import org.openpayer.bulkexport.attribution.roster.GroupRepository;
import org.openpayer.bulkexport.model.fhir.SubsettedTag;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.model.route.PublicUrls;
import org.openpayer.bulkexport.rest.FhirException;

import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * ATR's {@code $attribution-status}: one member's attribution in a Group, as a collection Bundle of the Group (with
 * only that member's entries, tagged SUBSETTED), the Patient, and the Coverage and providers its entries name.
 */
@ApplicationScoped
public class AttributionStatus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GroupRepository groups;
    private final ResourceRepository resources;
    private final PublicUrls urls;

    public AttributionStatus(GroupRepository groups, ResourceRepository resources, PublicUrls urls) {
        this.groups = groups;
        this.resources = resources;
        this.urls = urls;
    }

    String bundle(GroupRepository.GroupRow group, String patientId) throws SQLException {
        List<String> entries = groups.membersOfPatient(group.id(), group.versionId(), patientId);
        ArrayNode members = JSON.createArrayNode();
        Set<String> referenced = new LinkedHashSet<>();
        referenced.add("Patient/" + patientId);
        for (String entry : entries) {
            JsonNode member = read(entry);
            members.add(member);
            for (JsonNode extension : member.path("extension")) {
                String url = extension.path("url").asText();
                if (AtrVocabulary.COVERAGE_REFERENCE.equals(url) || AtrVocabulary.ATTRIBUTED_PROVIDER.equals(url)) {
                    referenced.add(extension.path("valueReference").path("reference").asText());
                }
            }
        }
        if (members.isEmpty()) {
            throw FhirException.unprocessable(IssueType.NOT_FOUND, "Patient/" + patientId + " is not a member of "
                    + "Group/" + group.id() + ".");
        }
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
        ArrayNode out = bundle.putArray("entry");
        ObjectNode groupElement = (ObjectNode) read(group.contentWithoutMembers());
        groupElement.set("member", members);
        out.addObject().put("fullUrl", urls.fhirBase() + "/Group/" + group.id())
                .set("resource", SubsettedTag.mark(groupElement));
        for (String reference : referenced) {
            String[] typeAndId = reference.split("/");
            if (typeAndId.length != 2) {
                continue;
            }
            resources.current(typeAndId[0], typeAndId[1])
                    .filter(row -> !row.latest().deleted())
                    .ifPresent(row -> out.addObject().put("fullUrl", urls.fhirBase() + "/" + reference)
                            .set("resource", read(row.latest().content())));
        }
        return bundle.toString();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}

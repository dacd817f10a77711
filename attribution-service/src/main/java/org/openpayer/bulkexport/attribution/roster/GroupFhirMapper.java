package org.openpayer.bulkexport.attribution.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.attribution.read.StoredVersion;
import org.openpayer.bulkexport.attribution.roster.search.Summary;
import org.openpayer.bulkexport.model.fhir.SubsettedTag;
import org.openpayer.bulkexport.rest.FhirException;
import org.openpayer.bulkexport.model.fhir.atr.AtrVocabulary;
import org.openpayer.bulkexport.model.fhir.atr.ServedMember;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a Group between its FHIR JSON and its stored parts: the Group without members (a resource row), one row per
 * member and one per identifier. Members are kept apart so that large Groups are read and exported in batches.
 */
@ApplicationScoped
public class GroupFhirMapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The stored parts of one Group. */
    public record StoredGroup(String contentWithoutMembers, List<GroupMember> members,
                              List<GroupIdentifier> identifiers) {
    }

    public StoredGroup fromFhir(String groupJson) {
        ObjectNode group = parse(groupJson);
        JsonNode memberArray = group.remove("member");
        List<GroupMember> members = new ArrayList<>();
        if (memberArray != null) {
            for (JsonNode member : memberArray) {
                members.add(member(member));
            }
        }
        List<GroupIdentifier> identifiers = new ArrayList<>();
        for (JsonNode identifier : group.path("identifier")) {
            if (identifier.hasNonNull("system") && identifier.hasNonNull("value")) {
                identifiers.add(new GroupIdentifier(
                        identifier.get("system").asText(), identifier.get("value").asText()));
            }
        }
        return new StoredGroup(group.toString(), members, identifiers);
    }

    /**
     * The Group's own element as served in a summary mode, members not included: a subset is tagged SUBSETTED as FHIR
     * asks, and {@code _summary=true} also leaves the narrative out.
     */
    public ObjectNode served(String contentWithoutMembers, Summary summary) {
        ObjectNode group = parse(contentWithoutMembers);
        if (summary.subsetted()) {
            SubsettedTag.mark(group);
        }
        if (summary == Summary.TRUE) {
            group.remove("text");
        }
        return group;
    }

    /** The ATR list status a Group's JSON carries; a Group without one is open. */
    public static String listStatus(String groupJson) {
        for (JsonNode extension : parse(groupJson).path("extension")) {
            if (AtrVocabulary.ATTRIBUTION_LIST_STATUS.equals(extension.path("url").asText())) {
                return extension.path("valueCode").asText("open");
            }
        }
        return "open";
    }

    /** Whether stored Group JSON still holds its members (versions stored before members were versioned apart). */
    public static boolean hasMembers(String groupJson) {
        return parse(groupJson).has("member");
    }

    /** A history version as the Group history serves it: without members, tagged SUBSETTED. */
    public StoredVersion withoutMembersTagged(StoredVersion version) {
        if (version.deleted()) {
            return version;
        }
        ObjectNode group = parse(version.content());
        group.remove("member");
        return new StoredVersion(version.versionId(), version.lastUpdated(), false,
                SubsettedTag.mark(group).toString());
    }

    /**
     * A Group.member element as stored: validated, keyed, and without the extensions the server computes (changeType,
     * and PDex's download bookkeeping), so a client that writes back what it read changes nothing.
     */
    public static GroupMember member(JsonNode member) {
        String reference = member.path("entity").path("reference").asText("");
        if (!reference.startsWith("Patient/") || reference.length() == "Patient/".length()) {
            throw FhirException.badRequest("Group.member.entity must reference a Patient (Patient/{id}), not '"
                    + reference + "'.");
        }
        String patientId = reference.substring("Patient/".length());
        ObjectNode stored = ((ObjectNode) member).deepCopy();
        String provider = "";
        if (stored.get("extension") instanceof ArrayNode extensions) {
            for (int i = extensions.size() - 1; i >= 0; i--) {
                String url = extensions.get(i).path("url").asText();
                if (ServedMember.isServerOwned(url)) {
                    extensions.remove(i);
                } else if (AtrVocabulary.ATTRIBUTED_PROVIDER.equals(url)) {
                    provider = extensions.get(i).path("valueReference").path("reference").asText("");
                }
            }
            if (extensions.isEmpty()) {
                stored.remove("extension");
            }
        }
        return new GroupMember(patientId + "|" + provider, patientId,
                member.path("inactive").asBoolean(false),
                date(member.path("period").path("start")),
                date(member.path("period").path("end")),
                stored.toString());
    }

    /** Period bounds may be dateTimes; the attribution period is kept to the day. */
    private static LocalDate date(JsonNode value) {
        if (!value.isTextual() || value.asText().length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.asText().substring(0, 10));
        } catch (DateTimeParseException e) {
            throw FhirException.badRequest("Group.member.period holds an invalid date: " + value.asText());
        }
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("stored Group JSON is unreadable", e);
        }
    }
}

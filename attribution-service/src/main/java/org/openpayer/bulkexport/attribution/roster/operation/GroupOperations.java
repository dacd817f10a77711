package org.openpayer.bulkexport.attribution.roster.operation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.openpayer.bulkexport.attribution.event.AttributionEvents;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.attribution.load.StoredResourceFhirMapper;
import org.openpayer.bulkexport.model.fhir.atr.AtrVocabulary;
import org.openpayer.bulkexport.attribution.roster.GroupFhirMapper;
import org.openpayer.bulkexport.attribution.roster.GroupMember;
import org.openpayer.bulkexport.attribution.roster.GroupMembership;
import org.openpayer.bulkexport.attribution.store.ResourceStore;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.rest.FhirException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ATR's list maintenance: {@code $member-add}, {@code $member-remove} and {@code $confirm-attribution-list}. Each
 * runs in the caller's transaction with the Group's row locked, touches only the members it names, and makes one new
 * Group version (none when the Group already is as asked). A {@code final} list is closed to changes.
 */
@ApplicationScoped
public class GroupOperations {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FhirJson fhir;
    private final StoredResourceFhirMapper mapper;
    private final ResourceStore store;
    private final GroupMembership membership;
    private final MemberResolver resolver;
    private final AttributionEvents events;

    public GroupOperations(FhirJson fhir, StoredResourceFhirMapper mapper, ResourceStore store,
                           GroupMembership membership, MemberResolver resolver, AttributionEvents events) {
        this.events = events;
        this.fhir = fhir;
        this.mapper = mapper;
        this.store = store;
        this.membership = membership;
        this.resolver = resolver;
    }

    /** {@code $member-add}: the member, attributed to the provider, for the period given. */
    GroupChange memberAdd(Connection connection, String groupId, OperationParameters parameters)
            throws SQLException {
        LockedGroup group = lock(connection, groupId);
        requireOpen(group, "added");
        String patientId = resolver.patient(connection, parameters);
        String provider = parameters.identifier("providerNpi").isPresent()
                ? resolver.providerByNpi(connection, parameters.identifier("providerNpi").get())
                : resolver.providerByReference(connection, parameters.reference("providerReference").orElseThrow());
        GroupMember member = GroupFhirMapper.member(memberElement(patientId, provider,
                resolver.coverageOf(connection, patientId), parameters.period("attributionPeriod")));
        if (member.content().equals(currentContent(connection, groupId, member.memberKey()).orElse(null))) {
            return unchanged(group, "Patient/" + patientId + " already is a member attributed to " + provider + ".");
        }
        return changeMembers(connection, group, List.of(member), "member-add",
                "Added Patient/" + patientId + ", attributed to " + provider + ".");
    }

    /** {@code $member-remove}: the member's entries (one per provider, or the one named) become inactive. */
    GroupChange memberRemove(Connection connection, String groupId, OperationParameters parameters)
            throws SQLException {
        LockedGroup group = lock(connection, groupId);
        requireOpen(group, "removed");
        String patientId = resolver.patient(connection, parameters);
        Optional<String> provider = parameters.identifier("providerNpi").isPresent()
                ? Optional.of(resolver.providerByNpi(connection, parameters.identifier("providerNpi").get()))
                : parameters.reference("providerReference").isPresent()
                ? Optional.of(resolver.providerByReference(connection, parameters.reference("providerReference").get()))
                : Optional.empty();
        Optional<String> coverage = parameters.reference("coverageReference").map(Reference::getReference);
        List<GroupMember> removed = new ArrayList<>();
        for (ObjectNode member : activeMembers(connection, groupId, patientId)) {
            if (provider.isPresent() && !provider.get().equals(extensionReference(member,
                    AtrVocabulary.ATTRIBUTED_PROVIDER))) {
                continue;
            }
            if (coverage.isPresent() && !coverage.get().equals(extensionReference(member,
                    AtrVocabulary.COVERAGE_REFERENCE))) {
                continue;
            }
            member.put("inactive", true);
            removed.add(GroupFhirMapper.member(member));
        }
        if (removed.isEmpty()) {
            throw FhirException.unprocessable(IssueType.NOT_FOUND, "Patient/" + patientId + " is not an active "
                    + "member of Group/" + groupId + provider.map(p -> " attributed to " + p).orElse("") + ".");
        }
        return changeMembers(connection, group, removed, "member-remove", "Removed Patient/" + patientId + " ("
                + removed.size() + " attribution" + (removed.size() == 1 ? "" : "s") + "); it stays listed as "
                + "inactive with changeType dropped.");
    }

    /** {@code $confirm-attribution-list}: the list becomes final. */
    GroupChange confirm(Connection connection, String groupId) throws SQLException {
        LockedGroup group = lock(connection, groupId);
        if (group.isFinal()) {
            return unchanged(group, "Group/" + groupId + " already is final.");
        }
        group.setListStatus("final");
        ResourceStore.Stored stored = storeHeader(connection, group);
        events.listChanged(connection, groupId, stored.versionId(), stored.lastUpdated(),
                "confirm-attribution-list", "final", List.of());
        return new GroupChange(true, stored.versionId(), stored.lastUpdated(),
                "Group/" + groupId + " is now final (version " + stored.versionId() + ").", List.of());
    }

    private GroupChange changeMembers(Connection connection, LockedGroup group, List<GroupMember> members,
                                      String cause, String message) throws SQLException {
        ResourceStore.Stored stored = storeHeader(connection, group);
        GroupMembership.Stage stage = membership.stage(connection);
        for (GroupMember member : members) {
            stage.add(member);
        }
        stage.finish();
        String groupId = group.group().getIdPart();
        List<GroupMembership.MemberChange> changes = membership.merge(connection, groupId, stored.versionId());
        events.listChanged(connection, groupId, stored.versionId(), stored.lastUpdated(), cause,
                group.listStatus(), changes);
        return new GroupChange(true, stored.versionId(), stored.lastUpdated(), message, changes);
    }

    /** A new version of the Group's own row; the members are merged by the caller. */
    private ResourceStore.Stored storeHeader(Connection connection, LockedGroup group) throws SQLException {
        return store.write(connection, List.of(mapper.fromFhir(group.group()))).get(0);
    }

    private LockedGroup lock(Connection connection, String groupId) throws SQLException {
        return LockedGroup.lock(connection, fhir, groupId).orElseThrow(() ->
                FhirException.notFound("Group/" + groupId + " is not known or not accessible."));
    }

    private static void requireOpen(LockedGroup group, String verb) {
        if (group.isFinal()) {
            throw FhirException.unprocessable(IssueType.PROCESSING, "Group/" + group.group().getIdPart()
                    + " is final: members can no longer be " + verb + ".");
        }
    }

    private static GroupChange unchanged(LockedGroup group, String message) {
        return new GroupChange(false, group.versionId(), group.lastUpdated(), message, List.of());
    }

    private static ObjectNode memberElement(String patientId, String provider, Optional<String> coverage,
                                            Optional<Period> period) {
        ObjectNode member = JSON.createObjectNode();
        ArrayNode extensions = member.putArray("extension");
        extensions.addObject().put("url", AtrVocabulary.ATTRIBUTED_PROVIDER)
                .putObject("valueReference").put("reference", provider);
        coverage.ifPresent(reference -> extensions.addObject().put("url", AtrVocabulary.COVERAGE_REFERENCE)
                .putObject("valueReference").put("reference", reference));
        member.putObject("entity").put("reference", "Patient/" + patientId);
        period.filter(Period::hasStart).ifPresent(value -> {
            ObjectNode json = member.putObject("period").put("start", value.getStartElement().getValueAsString());
            if (value.hasEnd()) {
                json.put("end", value.getEndElement().getValueAsString());
            }
        });
        return member;
    }

    private static Optional<String> currentContent(Connection connection, String groupId, String memberKey)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select content from attribution.group_member "
                + "where group_id = ? and member_key = ?")) {
            statement.setString(1, groupId);
            statement.setString(2, memberKey);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    private static List<ObjectNode> activeMembers(Connection connection, String groupId, String patientId)
            throws SQLException {
        List<ObjectNode> members = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select content from attribution.group_member "
                + "where group_id = ? and patient_id = ? and not inactive order by member_seq")) {
            statement.setString(1, groupId);
            statement.setString(2, patientId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    members.add((ObjectNode) JSON.readTree(row.getString(1)));
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored Group member is unreadable", e);
            }
        }
        return members;
    }

    private static String extensionReference(ObjectNode member, String url) {
        for (JsonNode extension : member.path("extension")) {
            if (url.equals(extension.path("url").asText())) {
                return extension.path("valueReference").path("reference").asText(null);
            }
        }
        return null;
    }
}

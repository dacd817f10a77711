package org.openpayer.bulkexport.attribution.membermatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Group.GroupMemberComponent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.openpayer.bulkexport.attribution.config.AttributionConfig;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.model.fhir.hrex.HrexVocabulary;
import org.openpayer.bulkexport.model.fhir.hrex.MemberMatchParameter;
import org.openpayer.bulkexport.model.fhir.hrex.MultiMemberMatchResult;
import org.openpayer.bulkexport.model.fhir.hrex.PdexMemberMatchVocabulary;

import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a finished {@code $bulk-member-match} as PDex 2.1.0 has it: the Group of matched members
 * ({@code pdex-member-match-group}: each member the Patient of ours, with its UMB, and the submitted Patient it was
 * matched from, contained), the Groups of members not matched and consent-constrained
 * ({@code pdex-member-no-match-group}: each member the submitted Patient, contained, so nothing of ours is revealed
 * beyond the outcome), and the {@code pdex-parameters-multi-member-match-bundle-out} Parameters carrying them. Every
 * Group names this payer as its managing entity and the requesting payer by identifier.
 */
@ApplicationScoped
public class BulkMatchFhirMapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FhirJson fhir;
    private final Identifier thisPayer;

    @Inject
    public BulkMatchFhirMapper(FhirJson fhir, AttributionConfig config) {
        this(fhir, config.payer().identifiers().get(0));
    }

    /** @param thisPayer this payer's identifier ({@code system|value}) the Groups name as their managing entity */
    BulkMatchFhirMapper(FhirJson fhir, String thisPayer) {
        this.fhir = fhir;
        this.thisPayer = identifier(thisPayer);
    }

    /** The Group of matched members, with its members; a Patient matched twice in one request is listed once. */
    Group matched(BulkMatchQueue.CompletableJob job, List<BulkMatchQueue.DecidedMember> members, Instant matchedAt) {
        Group group = group(MultiMemberMatchResult.MATCHED, job.requester());
        group.setId(job.matchGroupId());
        group.setName("Matched Members");
        Group.GroupCharacteristicComponent requester = group.addCharacteristic()
                .setCode(resultCode(MultiMemberMatchResult.MATCHED))
                .setValue(new Reference().setIdentifier(identifier(job.requester().stream().sorted().findFirst()
                        .orElseThrow())))
                .setExclude(false);
        requester.getPeriod().setStart(Date.from(matchedAt));
        Set<String> listed = new HashSet<>();
        for (BulkMatchQueue.DecidedMember member : members) {
            BulkMatchQueue.MemberOutcome outcome = member.outcome();
            if (outcome.result() != MultiMemberMatchResult.MATCHED || !listed.add(outcome.patientId())) {
                continue;
            }
            GroupMemberComponent entry = group.addMember();
            entry.getEntity().setReference("Patient/" + outcome.patientId())
                    .setIdentifier(umb(outcome.memberIdentifier()))
                    .addExtension(PdexMemberMatchVocabulary.MATCH_PARAMETERS,
                            new Reference("#" + contain(group, member)));
        }
        return group;
    }

    /** The Group of members with this outcome (not matched, or consent-constrained); empty when there are none. */
    Optional<Group> unmatched(MultiMemberMatchResult result, BulkMatchQueue.CompletableJob job,
                              List<BulkMatchQueue.DecidedMember> members) {
        List<BulkMatchQueue.DecidedMember> these = members.stream()
                .filter(member -> member.outcome().result() == result).toList();
        if (these.isEmpty()) {
            return Optional.empty();
        }
        Group group = group(result, job.requester());
        group.setName(result.display());
        for (BulkMatchQueue.DecidedMember member : these) {
            String contained = "#" + contain(group, member);
            group.addMember().getEntity().setReference(contained)
                    .addExtension(PdexMemberMatchVocabulary.MATCH_PARAMETERS, new Reference(contained));
        }
        return Optional.of(group);
    }

    /**
     * The status's answer: the matched Group as served (always present, even empty) and the other two when they have
     * members.
     */
    String result(String servedMatchedGroup, Optional<Group> notMatched, Optional<Group> constrained) {
        ObjectNode parameters = JSON.createObjectNode().put("resourceType", "Parameters");
        parameters.putObject("meta").putArray("profile").add(PdexMemberMatchVocabulary.BULK_MEMBER_MATCH_OUT);
        ArrayNode list = parameters.putArray("parameter");
        list.addObject().put("name", MultiMemberMatchResult.MATCHED.parameterName())
                .set("resource", parse(servedMatchedGroup));
        notMatched.ifPresent(group -> add(list, MultiMemberMatchResult.NOT_MATCHED, group));
        constrained.ifPresent(group -> add(list, MultiMemberMatchResult.CONSENT_CONSTRAINED, group));
        return parameters.toString();
    }

    private void add(ArrayNode list, MultiMemberMatchResult result, Group group) {
        list.addObject().put("name", result.parameterName())
                .set("resource", parse(fhir.compactWriter().encodeResourceToString(group)));
    }

    private Group group(MultiMemberMatchResult result, Set<String> requester) {
        Group group = new Group();
        group.getMeta().addProfile(result == MultiMemberMatchResult.MATCHED
                ? PdexMemberMatchVocabulary.MATCH_GROUP : PdexMemberMatchVocabulary.NO_MATCH_GROUP);
        requester.stream().sorted().forEach(id -> group.addIdentifier(identifier(id)));
        group.setType(Group.GroupType.PERSON).setActualElement(new BooleanType(true));
        group.setCode(resultCode(result));
        group.getManagingEntity().setIdentifier(thisPayer.copy());
        return group;
    }

    /**
     * Contains the member's submitted Patient, keeping its id when it is free in this Group (PDex 2.2: submitted id,
     * identifiers and demographics, without versionId, lastUpdated and security labels); returns the contained id.
     */
    private String contain(Group group, BulkMatchQueue.DecidedMember member) {
        Patient patient = memberPatient(member.input());
        String submitted = patient.getIdElement().getIdPart();
        boolean free = submitted != null && group.getContained().stream()
                .noneMatch(contained -> submitted.equals(contained.getIdElement().getIdPart()));
        String id = free ? submitted : "member-" + member.seq();
        patient.setId(id);
        Meta meta = patient.getMeta();
        meta.setVersionId(null).setLastUpdated(null).getSecurity().clear();
        if (meta.isEmpty()) {
            patient.setMeta(null);
        }
        group.addContained(patient);
        return id;
    }

    private Patient memberPatient(String input) {
        return fhir.strictParser().parseResource(Parameters.class, input).getParameter().stream()
                .filter(part -> MemberMatchParameter.MEMBER_PATIENT.parameterName().equals(part.getName()))
                .map(part -> (Patient) part.getResource())
                .findFirst().orElseThrow(() -> new IllegalStateException("a stored member has no MemberPatient"));
    }

    private static CodeableConcept resultCode(MultiMemberMatchResult result) {
        CodeableConcept code = new CodeableConcept();
        code.addCoding().setSystem(PdexMemberMatchVocabulary.RESULT_CODES).setCode(result.code())
                .setDisplay(result.display());
        return code;
    }

    private static Identifier umb(String systemAndValue) {
        Identifier umb = identifier(systemAndValue);
        umb.getType().addCoding().setSystem(HrexVocabulary.TEMPORARY_CODES).setCode(HrexVocabulary.UMB);
        return umb;
    }

    private static Identifier identifier(String systemAndValue) {
        String[] parts = systemAndValue.split("\\|", 2);
        return new Identifier().setSystem(parts[0]).setValue(parts.length == 2 ? parts[1] : null);
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Group written here is unreadable", e);
        }
    }
}

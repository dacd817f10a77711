package org.openpayer.bulkexport.attribution.membermatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpayer.bulkexport.attribution.membermatch.MemberMatchRequestBuilder.hrexExample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.model.fhir.hrex.MultiMemberMatchResult;
import org.openpayer.bulkexport.model.fhir.hrex.PdexMemberMatchVocabulary;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

class BulkMatchFhirMapperTest {

    private static final String OLD_PAYER = "http://hl7.org/fhir/sid/us-npi|9876543210";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FhirJson fhir = new FhirJson();
    private final BulkMatchFhirMapper mapper = new BulkMatchFhirMapper(fhir, OLD_PAYER);
    private final BulkMatchQueue.CompletableJob job = new BulkMatchQueue.CompletableJob(UUID.randomUUID(),
            "new-payer", Set.of(MemberMatchRequestBuilder.NEW_PAYER_NPI), "group-1");

    @Test
    void matched_listsEachMatchedPatientOnce_withItsUmbAndTheSubmittedPatientContained() {
        // given: members 1 and 3 matched the same Patient, member 2 matched another, member 4 did not match
        List<BulkMatchQueue.DecidedMember> members = List.of(
                matched(1, "p-1", "http://example.org/member|M1"),
                matched(2, "p-2", "http://example.org/member|M2"),
                matched(3, "p-1", "http://example.org/member|M1"),
                decided(4, MultiMemberMatchResult.NOT_MATCHED));

        // when
        Group group = mapper.matched(job, members, Instant.parse("2026-11-20T10:00:00Z"));

        // then
        assertThat(group.getIdPart()).isEqualTo("group-1");
        assertThat(group.getCode().getCodingFirstRep().getCode()).isEqualTo("match");
        assertThat(group.getMeta().getProfile()).extracting("value")
                .containsExactly(PdexMemberMatchVocabulary.MATCH_GROUP);
        assertThat(group.getManagingEntity().getIdentifier().getValue()).isEqualTo("9876543210");
        assertThat(group.getCharacteristicFirstRep().getValueReference().getIdentifier().getValue())
                .isEqualTo("0123456789");
        assertThat(group.getMember()).extracting(member -> member.getEntity().getReference())
                .containsExactly("Patient/p-1", "Patient/p-2");
        Identifier umb = group.getMember().get(1).getEntity().getIdentifier();
        assertThat(umb.getValue()).isEqualTo("M2");
        assertThat(umb.getType().getCodingFirstRep().getCode()).isEqualTo("UMB");
        assertThat(group.getMember()).extracting(member -> ((Reference) member.getEntity()
                        .getExtensionByUrl(PdexMemberMatchVocabulary.MATCH_PARAMETERS).getValue()).getReference())
                .as("the example's id, then the next free one").containsExactly("#1", "#member-2");
        Patient submitted = (Patient) group.getContained().get(0);
        assertThat(submitted.getNameFirstRep().getFamily()).isEqualTo("Person");
        assertThat(submitted.hasMeta()).isFalse();
    }

    @Test
    void unmatched_containsOnlyTheSubmittedPatients_orIsEmpty() {
        List<BulkMatchQueue.DecidedMember> members = List.of(decided(1, MultiMemberMatchResult.CONSENT_CONSTRAINED),
                matched(2, "p-2", "http://example.org/member|M2"));

        Group constrained = mapper.unmatched(MultiMemberMatchResult.CONSENT_CONSTRAINED, job, members).orElseThrow();

        assertThat(constrained.getCode().getCodingFirstRep().getCode()).isEqualTo("consentconstraint");
        assertThat(constrained.getMember()).extracting(member -> member.getEntity().getReference())
                .containsExactly("#1");
        assertThat(fhir.compactWriter().encodeResourceToString(constrained)).doesNotContain("p-2");
        assertThat(mapper.unmatched(MultiMemberMatchResult.NOT_MATCHED, job, members)).isEmpty();
    }

    @Test
    void result_alwaysHasTheMatchedGroup_andTheOthersWhenTheyHaveMembers() throws Exception {
        Group notMatched = mapper.unmatched(MultiMemberMatchResult.NOT_MATCHED, job,
                List.of(decided(1, MultiMemberMatchResult.NOT_MATCHED))).orElseThrow();

        JsonNode result = JSON.readTree(mapper.result("{\"resourceType\":\"Group\",\"id\":\"group-1\"}",
                Optional.of(notMatched), Optional.empty()));

        assertThat(result.at("/meta/profile/0").asText()).isEqualTo(PdexMemberMatchVocabulary.BULK_MEMBER_MATCH_OUT);
        assertThat(result.path("parameter")).extracting(parameter -> parameter.path("name").asText())
                .containsExactly("MatchedMembers", "NonMatchedMembers");
        assertThat(result.at("/parameter/0/resource/id").asText()).isEqualTo("group-1");
        assertThat(result.at("/parameter/1/resource/code/coding/0/code").asText()).isEqualTo("nomatch");
    }

    private static BulkMatchQueue.DecidedMember matched(int seq, String patientId, String umb) {
        return new BulkMatchQueue.DecidedMember(seq, hrexExample().json(),
                new BulkMatchQueue.MemberOutcome(MultiMemberMatchResult.MATCHED, patientId, umb));
    }

    private static BulkMatchQueue.DecidedMember decided(int seq, MultiMemberMatchResult result) {
        return new BulkMatchQueue.DecidedMember(seq, hrexExample().json(),
                new BulkMatchQueue.MemberOutcome(result, null, null));
    }
}

package org.openpayer.bulkexport.attribution.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.roster.search.Summary;
import org.openpayer.bulkexport.rest.FhirException;
import org.openpayer.bulkexport.model.fhir.atr.AtrVocabulary;
import org.openpayer.bulkexport.model.fhir.atr.ServedGroup;
import org.openpayer.bulkexport.model.fhir.atr.ServedMember;

import java.time.LocalDate;

class GroupFhirMapperTest {

    private static final String GROUP = "{\"resourceType\":\"Group\",\"id\":\"g1\","
            + "\"identifier\":[{\"system\":\"http://hl7.org/fhir/sid/us-npi\",\"value\":\"1316206220\"},"
            + "{\"value\":\"x\"}],"
            + "\"member\":[{\"entity\":{\"reference\":\"Patient/p1\"},"
            + "\"period\":{\"start\":\"2026-01-01T00:00:00Z\",\"end\":\"2026-12-31\"}},"
            + "{\"entity\":{\"reference\":\"Patient/p2\"},\"inactive\":true}]}";

    private final GroupFhirMapper mapper = new GroupFhirMapper();

    @Test
    void fromFhir_splitsMembersAndIdentifiersFromTheGroup() {
        GroupFhirMapper.StoredGroup stored = mapper.fromFhir(GROUP);

        assertThat(stored.contentWithoutMembers()).doesNotContain("member");
        assertThat(stored.members()).extracting(GroupMember::patientId).containsExactly("p1", "p2");
        assertThat(stored.members().get(0).periodStart()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(stored.members().get(1).inactive()).isTrue();
        assertThat(stored.identifiers()).extracting(GroupIdentifier::token)
                .containsExactly("http://hl7.org/fhir/sid/us-npi|1316206220");
    }

    @Test
    void member_isKeyedByPatientAndProvider_andLosesTheClientsChangeType() throws Exception {
        GroupMember member = GroupFhirMapper.member(new ObjectMapper().readTree("{\"extension\":["
                + "{\"url\":\"" + AtrVocabulary.CHANGE_TYPE + "\",\"valueCode\":\"dropped\"},"
                + "{\"url\":\"" + AtrVocabulary.ATTRIBUTED_PROVIDER + "\",\"valueReference\":{\"reference\":"
                + "\"Practitioner/pr1\"}}],\"entity\":{\"reference\":\"Patient/p1\"}}"));

        assertThat(member.memberKey()).isEqualTo("p1|Practitioner/pr1");
        assertThat(member.content()).doesNotContain("changeType").contains("Practitioner/pr1");
    }

    @Test
    void servedMember_carriesTheChangeTypeOfTheVersionServed() throws Exception {
        String stored = "{\"entity\":{\"reference\":\"Patient/p1\"}}";

        assertThat(new ObjectMapper().readTree(ServedMember.render(stored, 3, "changed", 3))
                .at("/extension/0/valueCode").asText()).isEqualTo("changed");
        assertThat(new ObjectMapper().readTree(ServedMember.render(stored, 3, "changed", 4))
                .at("/extension/0/valueCode").asText()).isEqualTo("nochange");
    }

    @Test
    void optedOut_isCountedOnlyWhenSomebodyOptedOut() {
        ObjectNode group = mapper.served("{\"resourceType\":\"Group\",\"id\":\"g\"}", Summary.FALSE);

        assertThat(ServedGroup.withOptedOut(group, 0).has("extension")).isFalse();
        assertThat(ServedGroup.withOptedOut(group, 2).at("/extension/0/valueQuantity/value").asInt()).isEqualTo(2);
        assertThat(ServedGroup.withOptedOut(group, 3).get("extension")).hasSize(1);
    }

    @Test
    void served_summaryTrue_tagsTheSubsetAndDropsTheNarrative() {
        ObjectNode served = mapper.served(
                "{\"resourceType\":\"Group\",\"id\":\"g\",\"text\":{\"status\":\"generated\"}}", Summary.TRUE);

        assertThat(served.has("text")).isFalse();
        assertThat(served.at("/meta/tag/0/code").asText()).isEqualTo("SUBSETTED");
    }

    @Test
    void fromFhir_memberThatIsNoPatient_isRefused() {
        assertThatThrownBy(() -> mapper.fromFhir(GROUP.replace("Patient/p2", "Device/d1")))
                .isInstanceOf(FhirException.class)
                .hasMessageContaining("Device/d1");
    }
}

package org.openpayer.bulkexport.attribution.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.roster.search.Summary;
import org.openpayer.bulkexport.rest.FhirException;

import java.time.LocalDate;
import java.util.List;

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
    void withMembers_putsTheMembersBackInOrder() throws Exception {
        GroupFhirMapper.StoredGroup stored = mapper.fromFhir(GROUP);

        ObjectNode served = mapper.withMembers(mapper.served(stored.contentWithoutMembers(), Summary.FALSE),
                stored.members().stream().map(GroupMember::content).toList());

        assertThat(served).isEqualTo(new ObjectMapper().readTree(GROUP));
    }

    @Test
    void withMembers_none_hasNoMemberElement() {
        ObjectNode served = mapper.withMembers(
                mapper.served("{\"resourceType\":\"Group\",\"id\":\"g\"}", Summary.FALSE), List.of());

        assertThat(served.has("member")).isFalse();
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

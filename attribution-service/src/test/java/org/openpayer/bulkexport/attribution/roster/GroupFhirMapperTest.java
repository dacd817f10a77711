package org.openpayer.bulkexport.attribution.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
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
    void toFhir_putsTheMembersBackInOrder() throws Exception {
        GroupFhirMapper.StoredGroup stored = mapper.fromFhir(GROUP);

        String served = mapper.toFhir(stored.contentWithoutMembers(),
                stored.members().stream().map(GroupMember::content).toList());

        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(served)).isEqualTo(json.readTree(GROUP));
    }

    @Test
    void toFhir_withoutMembers_hasNoMemberElement() {
        assertThat(mapper.toFhir("{\"resourceType\":\"Group\",\"id\":\"g\"}", List.of())).doesNotContain("member");
    }

    @Test
    void fromFhir_memberThatIsNoPatient_isRefused() {
        assertThatThrownBy(() -> mapper.fromFhir(GROUP.replace("Patient/p2", "Device/d1")))
                .isInstanceOf(FhirException.class)
                .hasMessageContaining("Device/d1");
    }
}

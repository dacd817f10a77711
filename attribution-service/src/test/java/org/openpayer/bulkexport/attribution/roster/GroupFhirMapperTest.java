package org.openpayer.bulkexport.attribution.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.attribution.roster.search.Summary;
import org.openpayer.bulkexport.model.fhir.atr.AtrVocabulary;
import org.openpayer.bulkexport.model.fhir.atr.LastDownload;
import org.openpayer.bulkexport.model.fhir.atr.ServedGroup;
import org.openpayer.bulkexport.model.fhir.atr.ServedMember;
import org.openpayer.bulkexport.rest.FhirException;

import java.io.StringWriter;
import java.time.Instant;
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
    void member_losesTheClientsPdexDownloadBookkeeping_whichTheServerKeeps() throws Exception {
        GroupMember member = GroupFhirMapper.member(new ObjectMapper().readTree("{\"extension\":["
                + "{\"url\":\"" + AtrVocabulary.LAST_TRANSMITTED + "\",\"valueDateTime\":\"2026-01-01T00:00:00Z\"},"
                + "{\"url\":\"" + AtrVocabulary.LAST_TYPES + "\",\"valueString\":\"Patient\"},"
                + "{\"url\":\"" + AtrVocabulary.LAST_TYPE_FILTER + "\",\"valueString\":\"Patient?_id=p1\"}],"
                + "\"entity\":{\"reference\":\"Patient/p1\"}}"));

        assertThat(member.content()).isEqualTo("{\"entity\":{\"reference\":\"Patient/p1\"}}");
    }

    @Test
    void servedGroup_withBookedMembers_isValidR4_inHapisOwnElementOrder() throws Exception {
        // given: members as stored (HAPI's order), one booked by a provider-download, one not
        String provider = "{\"url\":\"" + AtrVocabulary.ATTRIBUTED_PROVIDER
                + "\",\"valueReference\":{\"reference\":\"Practitioner/pr1\"}}";
        ServedMember.Row booked = new ServedMember.Row("{\"id\":\"0\",\"extension\":[" + provider + "],"
                + "\"entity\":{\"reference\":\"Patient/p1\"},\"period\":{\"start\":\"2026-01-01\"}}", 1, "new",
                new LastDownload(Instant.parse("2026-11-21T10:15:30.123Z"), "Patient,Condition",
                        "Condition?recorded-date=ge2026-01-01"));
        ServedMember.Row notBooked = new ServedMember.Row("{\"extension\":[" + provider + "],"
                + "\"entity\":{\"reference\":\"Patient/p2\"},\"inactive\":true}", 2, "dropped", null);
        StringWriter served = new StringWriter();

        // when
        ServedGroup.write(served, "{\"resourceType\":\"Group\",\"id\":\"g1\",\"type\":\"person\","
                + "\"actual\":true}", sink -> {
                    sink.accept(ServedMember.render(booked, 2));
                    sink.accept(ServedMember.render(notBooked, 2));
                });

        // then
        FhirJson fhir = new FhirJson();
        Group group = (Group) fhir.strictParser().parseResource(served.toString());
        assertThat(fhir.compactWriter().encodeResourceToString(group)).isEqualTo(served.toString());
        Group.GroupMemberComponent first = group.getMemberFirstRep();
        assertThat(first.getExtensionByUrl(AtrVocabulary.LAST_TRANSMITTED).getValue())
                .isInstanceOfSatisfying(DateTimeType.class, value -> assertThat(value.getValue().toInstant())
                        .isEqualTo(Instant.parse("2026-11-21T10:15:30.123Z")));
        assertThat(first.getExtensionByUrl(AtrVocabulary.LAST_TYPES).getValue()).isInstanceOf(StringType.class);
        assertThat(first.getExtensionByUrl(AtrVocabulary.LAST_TYPE_FILTER).getValue().primitiveValue())
                .isEqualTo("Condition?recorded-date=ge2026-01-01");
        assertThat(group.getMember().get(1).getExtensionByUrl(AtrVocabulary.LAST_TRANSMITTED)).isNull();
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

package org.openpayer.bulkexport.attribution.membermatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpayer.bulkexport.attribution.membermatch.BulkMatchRequestBuilder.aBulkMatchRequest;
import static org.openpayer.bulkexport.attribution.membermatch.MemberMatchRequestBuilder.hrexExample;
import static org.openpayer.bulkexport.attribution.membermatch.Refusals.assertRefused;

import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.attribution.write.RequiredElements;

import java.util.List;

class BulkMatchInputReaderTest {

    private static final int MAX = 3;
    private final FhirJson fhir = new FhirJson();
    private final BulkMatchInputReader reader = new BulkMatchInputReader(
            new MemberMatchInputReader(new RequiredElements(fhir)), fhir);

    @Test
    void read_memberBundles_givesEachMembersPartsInOrder() {
        // given
        BulkMatchRequestBuilder request = aBulkMatchRequest().withMember(hrexExample())
                .withMember(hrexExample().withMemberId("SECOND"));

        // when
        List<String> members = reader.read(request.build(), MAX);

        // then
        assertThat(members).hasSize(2);
        Parameters second = fhir.strictParser().parseResource(Parameters.class, members.get(1));
        assertThat(second.getParameter()).extracting("name")
                .containsExactly("MemberPatient", "CoverageToMatch", "CoverageToLink", "Consent");
        assertThat(members.get(1)).contains("SECOND").doesNotContain("DH10001235");
    }

    @Test
    void read_consentThatCannotBeHonoured_isAccepted_forTheMatchToDecide() {
        List<String> members = reader.read(aBulkMatchRequest().withMember(hrexExample().withConsent(consent ->
                consent.setStatus(ConsentState.INACTIVE))).build(), MAX);

        assertThat(members).hasSize(1);
    }

    @Test
    void read_noMemberOrTooMany_is400() {
        assertRefused(() -> reader.read(new Parameters(), MAX), 400, "at least one MemberBundle");
        BulkMatchRequestBuilder four = aBulkMatchRequest();
        for (int i = 0; i < MAX + 1; i++) {
            four.withMember(hrexExample());
        }
        assertRefused(() -> reader.read(four.build(), MAX), 400, "at most 3 MemberBundles");
    }

    @Test
    void read_somethingButMemberBundles_is400() {
        assertRefused(() -> reader.read(aBulkMatchRequest().withMember(hrexExample()).with(
                new ParametersParameterComponent().setName("MemberPatient").setResource(new Patient())).build(), MAX),
                400, "no parameter 'MemberPatient'");
        assertRefused(() -> reader.read(aBulkMatchRequest().with(new ParametersParameterComponent()
                .setName("MemberBundle").setResource(new Patient())).build(), MAX), 400, "MemberBundle 1 must carry");
    }

    @Test
    void read_memberWithoutConsent_is400_notThe422OfASingleMatch() {
        assertRefused(() -> reader.read(aBulkMatchRequest().withMember(hrexExample())
                .withMember(hrexExample().without("Consent")).build(), MAX), 400, "MemberBundle 2 needs a Consent");
    }

    @Test
    void read_malformedMember_is400NamingItsBundle() {
        assertRefused(() -> reader.read(aBulkMatchRequest().withMember(hrexExample()).withMember(hrexExample()
                .withMemberPatient(patient -> patient.setBirthDate(null))).build(), MAX), 400,
                "MemberBundle 2: MemberPatient needs a birthDate");
        assertRefused(() -> reader.read(aBulkMatchRequest().withMember(hrexExample().withConsent(consent ->
                consent.setPolicy(null))).build(), MAX), 400, "MemberBundle 1: Consent needs exactly one policy");
    }
}

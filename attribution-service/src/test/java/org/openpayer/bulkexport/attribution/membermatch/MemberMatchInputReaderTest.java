package org.openpayer.bulkexport.attribution.membermatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpayer.bulkexport.attribution.membermatch.Refusals.assertRefused;

import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.attribution.write.RequiredElements;

class MemberMatchInputReaderTest {

    private final MemberMatchInputReader reader = new MemberMatchInputReader(new RequiredElements(new FhirJson()));

    @Test
    void read_hrexExample_givesTheFourInputs() {
        MemberMatchInput input = read(MemberMatchRequestBuilder.hrexExample());

        assertThat(input.memberPatient().getBirthDateElement().getValueAsString()).isEqualTo("1974-12-25");
        assertThat(input.coverageToMatch().getIdentifierFirstRep().getValue()).isEqualTo("DH10001235");
        assertThat(input.coverageToLink().getIdentifierFirstRep().getValue()).isEqualTo("234567");
        assertThat(input.consent().getPolicyFirstRep().getUri()).endsWith("#regular");
    }

    @Test
    void read_unknownOrRepeatedParameter_is400() {
        assertRefused(() -> read(MemberMatchRequestBuilder.hrexExample().with(new ParametersParameterComponent()
                .setName("OldCoverage").setResource(new Patient()))), 400, "no parameter 'OldCoverage'");
        assertRefused(() -> read(MemberMatchRequestBuilder.hrexExample().with(new ParametersParameterComponent()
                .setName("MemberPatient").setResource(new Patient()))), 400, "MemberPatient is given more than once");
    }

    @Test
    void read_parameterWithoutItsResource_is400() {
        assertRefused(() -> read(MemberMatchRequestBuilder.hrexExample().without("CoverageToLink")
                .with(new ParametersParameterComponent().setName("CoverageToLink").setValue(new StringType("x")))),
                400, "must carry a Coverage");
        Organization organization = new Organization().setName("Old Health Plan");
        assertRefused(() -> read(MemberMatchRequestBuilder.hrexExample().without("MemberPatient")
                .with(new ParametersParameterComponent().setName("MemberPatient").setResource(organization))),
                400, "must be a Patient resource, not Organization");
    }

    @Test
    void read_missingParameter_is400_butMissingConsentIs422() {
        assertRefused(() -> read(MemberMatchRequestBuilder.hrexExample().without("MemberPatient")), 400,
                "needs MemberPatient");
        assertRefused(() -> read(MemberMatchRequestBuilder.hrexExample().without("CoverageToMatch")), 400,
                "needs CoverageToMatch");
        assertRefused(() -> read(MemberMatchRequestBuilder.hrexExample().without("CoverageToLink")), 400,
                "needs CoverageToLink");
        assertRefused(() -> read(MemberMatchRequestBuilder.hrexExample().without("Consent")), 422,
                "without a Consent");
    }

    @Test
    void read_resourceMissingWhatR4Requires_is400() {
        assertRefused(() -> read(MemberMatchRequestBuilder.hrexExample()
                .withCoverageToLink(coverage -> coverage.setStatus(null))), 400, "Coverage.status");
        assertRefused(() -> read(MemberMatchRequestBuilder.hrexExample()
                .withConsent(consent -> consent.setScope(null))), 400, "Consent.scope");
    }

    @Test
    void read_demographicsOrCardMissing_is400() {
        assertRefused(() -> read(MemberMatchRequestBuilder.hrexExample()
                .withMemberPatient(patient -> patient.setBirthDate(null))), 400, "birthDate");
        assertRefused(() -> read(MemberMatchRequestBuilder.hrexExample()
                .withCoverageToMatch(coverage -> coverage.getIdentifier().clear())), 400, "member id");
    }

    @Test
    void read_referencesThatAreNotMemberPatient_are400() {
        assertRefused(() -> read(MemberMatchRequestBuilder.hrexExample()
                .withConsent(consent -> consent.setPatient(new Reference("Organization/1")))), 400,
                "Consent.patient must reference MemberPatient");
        assertRefused(() -> read(MemberMatchRequestBuilder.hrexExample()
                .withCoverageToMatch(coverage -> coverage.setBeneficiary(new Reference("Patient/2")))), 400,
                "not MemberPatient (Patient/1)");
        assertRefused(() -> read(MemberMatchRequestBuilder.hrexExample()
                .withConsent(consent -> consent.setPatient(new Reference().setDisplay("Patricia")))), 400,
                "Consent.patient must reference MemberPatient");
    }

    @Test
    void read_relativeReferenceToMemberPatient_isAccepted() {
        MemberMatchInput input = read(MemberMatchRequestBuilder.hrexExample()
                .withCoverageToLink(coverage -> coverage.setBeneficiary(new Reference("Patient/1"))));

        assertThat(input.coverageToLink().getBeneficiary().getReference()).isEqualTo("Patient/1");
    }

    private MemberMatchInput read(MemberMatchRequestBuilder request) {
        return reader.read(request.build().getParameter());
    }
}

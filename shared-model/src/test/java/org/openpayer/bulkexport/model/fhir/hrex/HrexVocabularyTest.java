package org.openpayer.bulkexport.model.fhir.hrex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HrexVocabularyTest {

    @Test
    void consentPolicy_byUri_readsBothHrexPolicies() {
        assertThat(HrexConsentPolicy.byUri(
                "http://hl7.org/fhir/us/davinci-hrex/StructureDefinition-hrex-consent.html#regular"))
                .contains(HrexConsentPolicy.REGULAR);
        assertThat(HrexConsentPolicy.byUri(
                "http://hl7.org/fhir/us/davinci-hrex/StructureDefinition-hrex-consent.html#sensitive"))
                .contains(HrexConsentPolicy.SENSITIVE);
    }

    @Test
    void consentPolicy_unknownUriOrCode_isEmpty() {
        assertThat(HrexConsentPolicy.byUri("http://example.org/policy#regular")).isEmpty();
        assertThat(HrexConsentPolicy.byCode("everything")).isEmpty();
        assertThat(HrexConsentPolicy.byCode(HrexConsentPolicy.SENSITIVE.code())).contains(HrexConsentPolicy.SENSITIVE);
    }

    @Test
    void memberMatchParameter_byName_isCaseSensitive() {
        assertThat(MemberMatchParameter.byName("CoverageToLink")).contains(MemberMatchParameter.COVERAGE_TO_LINK);
        assertThat(MemberMatchParameter.COVERAGE_TO_LINK.resourceType()).isEqualTo("Coverage");
        assertThat(MemberMatchParameter.byName("coverageToLink")).isEmpty();
    }

    @Test
    void sensitiveDataLabels_asSecurityArray_isAContainmentTestForOneLabel() {
        assertThat(SensitiveDataLabels.ALL).contains(new SensitiveDataLabels.Label(
                "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R"));
        assertThat(new SensitiveDataLabels.Label("http://terminology.hl7.org/CodeSystem/v3-ActCode", "HIV")
                .asSecurityArray()).isEqualTo(
                "[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"HIV\"}]");
    }
}

package org.openpayer.bulkexport.attribution.membermatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpayer.bulkexport.attribution.membermatch.Refusals.assertRefused;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.model.fhir.hrex.HrexVocabulary;

class MemberDemographicsTest {

    @Test
    void of_hrexExample_readsNameBirthDateAndGender() {
        MemberDemographics demographics = MemberDemographics.of(examplePatient());

        assertThat(demographics.names()).containsExactly(new MemberDemographics.NameKey("person", "patricia"));
        assertThat(demographics.birthDate()).isEqualTo("1974-12-25");
        assertThat(demographics.gender()).contains(AdministrativeGender.FEMALE);
    }

    @Test
    void of_birthSexInsteadOfGender_isAccepted() {
        Patient patient = examplePatient().setGender(null);
        patient.addExtension(HrexVocabulary.BIRTH_SEX, new CodeType("F"));

        assertThat(MemberDemographics.of(patient).gender()).isEmpty();
    }

    @Test
    void of_missingDemographics_is400() {
        assertRefused(() -> MemberDemographics.of(examplePatient().setName(null)), 400, "needs a name");
        Patient noGiven = examplePatient();
        noGiven.getNameFirstRep().getGiven().clear();
        assertRefused(() -> MemberDemographics.of(noGiven), 400, "given name");
        assertRefused(() -> MemberDemographics.of(examplePatient().setBirthDateElement(null)), 400, "birthDate");
        assertRefused(() -> MemberDemographics.of(examplePatient().setBirthDateElement(new DateType("1974"))), 400,
                "year, month and day");
        assertRefused(() -> MemberDemographics.of(examplePatient().setGender(null)), 400, "gender or");
    }

    @Test
    void matches_sameNameWrittenDifferently_isTrue() {
        Patient request = examplePatient();
        request.getNameFirstRep().setFamily("García-López").getGiven().clear();
        request.getNameFirstRep().addGiven("José María");
        Patient stored = examplePatient();
        stored.getNameFirstRep().setFamily("GARCIA LOPEZ").getGiven().clear();
        stored.getNameFirstRep().addGiven("jose");

        assertThat(MemberDemographics.of(request).matches(stored)).isTrue();
    }

    @Test
    void matches_storedWithoutMiddleName_isTrue() {
        Patient stored = examplePatient();
        stored.getNameFirstRep().getGiven().removeIf(given -> given.getValue().equals("Ann"));

        assertThat(MemberDemographics.of(examplePatient()).matches(stored)).isTrue();
    }

    @Test
    void matches_anyOfTheStoredNames_isTrue() {
        Patient stored = examplePatient();
        stored.getNameFirstRep().setFamily("Maiden");
        stored.addName().setFamily("Person").addGiven("Patricia");

        assertThat(MemberDemographics.of(examplePatient()).matches(stored)).isTrue();
    }

    @Test
    void matches_differentPerson_isFalse() {
        MemberDemographics demographics = MemberDemographics.of(examplePatient());

        assertThat(demographics.matches(examplePatient().setBirthDateElement(new DateType("1974-12-26")))).isFalse();
        assertThat(demographics.matches(examplePatient().setGender(AdministrativeGender.MALE))).isFalse();
        Patient nickname = examplePatient();
        nickname.getNameFirstRep().getGiven().get(0).setValue("Pat");
        assertThat(demographics.matches(nickname)).isFalse();
        Patient otherFamily = examplePatient();
        otherFamily.getNameFirstRep().setFamily("Persons");
        assertThat(demographics.matches(otherFamily)).isFalse();
        assertThat(demographics.matches(examplePatient().setBirthDateElement(null))).isFalse();
    }

    @Test
    void matches_genderUnstatedOnEitherSide_isNotCompared() {
        assertThat(MemberDemographics.of(examplePatient())
                .matches(examplePatient().setGender(AdministrativeGender.UNKNOWN))).isTrue();
        Patient birthSexOnly = examplePatient().setGender(null);
        birthSexOnly.addExtension(HrexVocabulary.BIRTH_SEX, new CodeType("F"));
        assertThat(MemberDemographics.of(birthSexOnly)
                .matches(examplePatient().setGender(AdministrativeGender.MALE))).isTrue();
    }

    @Test
    void normalized_dropsCaseAccentsSpacesAndPunctuation() {
        assertThat(MemberDemographics.normalized(" O'Brien-Núñez ")).isEqualTo("obriennunez");
    }

    private static Patient examplePatient() {
        return (Patient) MemberMatchRequestBuilder.hrexExample().build().getParameterFirstRep().getResource();
    }
}

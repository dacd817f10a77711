package org.openpayer.bulkexport.attribution.membermatch;

import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.openpayer.bulkexport.model.fhir.hrex.HrexVocabulary;
import org.openpayer.bulkexport.rest.FhirException;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The demographics HRex's MemberPatient carries ({@code hrex-patient-demographics}) and the deterministic rule a
 * stored Patient must meet to be that person: the same birth date; a name with the same family name and the same
 * first given name (compared without case, accents, spaces or punctuation, so "García-López" is "garcia lopez");
 * and the same gender when both sides state one. Nicknames and typos do not match: a wrong match would disclose one
 * member's data to another payer, a missed one only asks the requester to check the card.
 *
 * @param names     the requester's names, normalized, each with a family and a first given name
 * @param birthDate {@code YYYY-MM-DD}
 * @param gender    empty when the requester gives birth sex instead, or {@code unknown}
 */
record MemberDemographics(List<NameKey> names, String birthDate, Optional<AdministrativeGender> gender) {

    /** A family name and first given name, normalized for comparison. */
    record NameKey(String family, String firstGiven) {
    }

    /** Reads MemberPatient, refusing (400) what HRex requires and it lacks. */
    static MemberDemographics of(Patient memberPatient) {
        List<NameKey> names = memberPatient.getName().stream()
                .map(MemberDemographics::key).flatMap(Optional::stream).toList();
        if (names.isEmpty()) {
            throw FhirException.badRequest("MemberPatient needs a name with a family name and a given name "
                    + "(hrex-patient-demographics).");
        }
        if (!memberPatient.hasBirthDate() || memberPatient.getBirthDateElement().getValueAsString().length() != 10) {
            throw FhirException.badRequest("MemberPatient needs a birthDate with year, month and day.");
        }
        if (!memberPatient.hasGender() && !memberPatient.hasExtension(HrexVocabulary.BIRTH_SEX)) {
            throw FhirException.badRequest("MemberPatient needs a gender or a US Core birth sex extension "
                    + "(hrex-pat-1).");
        }
        return new MemberDemographics(names, memberPatient.getBirthDateElement().getValueAsString(),
                stated(memberPatient.getGender()));
    }

    /** Whether a stored Patient is the person these demographics describe. */
    boolean matches(Patient stored) {
        if (!stored.hasBirthDate() || !birthDate.equals(stored.getBirthDateElement().getValueAsString())) {
            return false;
        }
        Optional<AdministrativeGender> storedGender = stated(stored.getGender());
        if (gender.isPresent() && storedGender.isPresent() && gender.get() != storedGender.get()) {
            return false;
        }
        List<NameKey> storedNames = stored.getName().stream()
                .map(MemberDemographics::key).flatMap(Optional::stream).toList();
        return names.stream().anyMatch(storedNames::contains);
    }

    /** Lower case, accents and everything but letters and digits removed: "O'Brien-Smith" is "obriensmith". */
    static String normalized(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static Optional<NameKey> key(HumanName name) {
        String family = name.hasFamily() ? normalized(name.getFamily()) : "";
        String firstGiven = name.getGiven().stream().map(StringType::getValue).filter(Objects::nonNull)
                .map(String::strip).filter(given -> !given.isEmpty())
                .findFirst().map(given -> normalized(given.split("\\s+")[0])).orElse("");
        return family.isEmpty() || firstGiven.isEmpty() ? Optional.empty()
                : Optional.of(new NameKey(family, firstGiven));
    }

    private static Optional<AdministrativeGender> stated(AdministrativeGender gender) {
        return gender == null || gender == AdministrativeGender.NULL || gender == AdministrativeGender.UNKNOWN
                ? Optional.empty() : Optional.of(gender);
    }
}

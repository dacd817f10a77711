package org.openpayer.bulkexport.model.fhir.hrex;

import java.util.List;

/**
 * The {@code meta.security} labels that make a resource sensitive for HRex's Consent policies: a member's
 * {@link HrexConsentPolicy#REGULAR} Consent discloses no resource carrying any of them, {@link
 * HrexConsentPolicy#SENSITIVE} discloses them too. HRex leaves the set to the data holder ("per what the holder can
 * segment"); this one is the HL7 v3 vocabulary US law protects by category:
 * <ul>
 *   <li>confidentiality {@code R} (restricted) and {@code V} (very restricted), which say so outright;</li>
 *   <li>the ActCode information sensitivity policies for substance use (42 CFR Part 2), behavioral and mental health,
 *   psychotherapy notes, HIV/AIDS and other sexually transmitted disease, sexual and reproductive health, sexual
 *   assault and domestic violence, military sexual trauma, genetic disease, sickle cell, and taboo;</li>
 *   <li>the ActCode privacy laws that name such data ({@code 42CFRPart2}, {@code HIPAAPsyNotes},
 *   {@code Title38Section7332}).</li>
 * </ul>
 * Labels match by system and code; a label without a system matches nothing.
 */
public final class SensitiveDataLabels {

    public static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    public static final String ACT_CODES = HrexVocabulary.ACT_CODES;

    /** One security label: a coding's system and code. */
    public record Label(String system, String code) {

        /** The label as a one-element {@code meta.security} array, for a JSON containment test. */
        public String asSecurityArray() {
            return "[{\"system\":\"" + system + "\",\"code\":\"" + code + "\"}]";
        }
    }

    public static final List<Label> ALL = List.of(
            new Label(CONFIDENTIALITY, "R"), new Label(CONFIDENTIALITY, "V"),
            new Label(ACT_CODES, "ETH"), new Label(ACT_CODES, "SUD"), new Label(ACT_CODES, "OPIOIDUD"),
            new Label(ACT_CODES, "BH"), new Label(ACT_CODES, "PSY"), new Label(ACT_CODES, "PSYTHPN"),
            new Label(ACT_CODES, "HIV"), new Label(ACT_CODES, "STD"), new Label(ACT_CODES, "SEX"),
            new Label(ACT_CODES, "SDV"), new Label(ACT_CODES, "MST"), new Label(ACT_CODES, "GDIS"),
            new Label(ACT_CODES, "SCA"), new Label(ACT_CODES, "TBOO"),
            new Label(ACT_CODES, "42CFRPart2"), new Label(ACT_CODES, "HIPAAPsyNotes"),
            new Label(ACT_CODES, "Title38Section7332"));

    private SensitiveDataLabels() {
    }
}

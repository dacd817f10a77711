package org.openpayer.bulkexport.synthetic;

import static org.openpayer.bulkexport.synthetic.CodeSystems.ACT_CODE;
import static org.openpayer.bulkexport.synthetic.CodeSystems.CVX;
import static org.openpayer.bulkexport.synthetic.CodeSystems.ICD_10_CM;
import static org.openpayer.bulkexport.synthetic.CodeSystems.NUCC;
import static org.openpayer.bulkexport.synthetic.CodeSystems.RXNORM;
import static org.openpayer.bulkexport.synthetic.CodeSystems.SNOMED;
import static org.openpayer.bulkexport.synthetic.CodeSystems.SOURCE_OF_PAYMENT;
import static org.openpayer.bulkexport.synthetic.CodeSystems.TERMINOLOGY;

/**
 * Real codes of the clinical and directory vocabularies, with their displays: a modest built-in table per system,
 * enough for varied data without shipping terminology files. Observation and claim codes have their own tables
 * ({@link ObservationCodes}, {@link ClaimCodes}) because they carry value ranges and prices.
 */
final class CodeTables {

    /**
     * A problem as a clinician records it (SNOMED CT) and as a claim bills it (ICD-10-CM); chronic problems go on the
     * problem list and stay active, acute ones are encounter diagnoses that resolve.
     */
    record ConditionCode(Code snomed, Code icd10, boolean chronic) {
        ConditionCode(String snomedCode, String snomedDisplay, String icd10Code, String icd10Display,
                      boolean chronic) {
            this(new Code(SNOMED, snomedCode, snomedDisplay), new Code(ICD_10_CM, icd10Code, icd10Display), chronic);
        }
    }

    /** An encounter type and the v3 ActCode class it belongs to. */
    record EncounterKind(Code actClass, Code type) {
    }

    /** A NUCC taxonomy, the practitioner-role code that goes with it and the credential after the name. */
    record Specialty(Code taxonomy, Code role, String credential) {
    }

    /** An allergen and its AllergyIntolerance category (medication, food or environment). */
    record Allergen(Code code, String category) {
    }

    /** A health plan product: its plan identifier and name, and its source-of-payment type. */
    record HealthPlan(String planId, String name, Code type) {
    }

    static final CodeTable<ConditionCode> CONDITIONS = CodeTable.of(
            new ConditionCode("38341003", "Hypertensive disorder, systemic arterial (disorder)",
                    "I10", "Essential (primary) hypertension", true),
            new ConditionCode("44054006", "Diabetes mellitus type 2 (disorder)",
                    "E11.9", "Type 2 diabetes mellitus without complications", true),
            new ConditionCode("55822004", "Hyperlipidemia (disorder)", "E78.5", "Hyperlipidemia, unspecified", true),
            new ConditionCode("54150009", "Upper respiratory infection (disorder)",
                    "J06.9", "Acute upper respiratory infection, unspecified", false),
            new ConditionCode("279039007", "Low back pain (finding)", "M54.50", "Low back pain, unspecified", false),
            new ConditionCode("21897009", "Generalized anxiety disorder (disorder)",
                    "F41.1", "Generalized anxiety disorder", true),
            new ConditionCode("36923009", "Major depression, single episode (disorder)",
                    "F32.9", "Major depressive disorder, single episode, unspecified", true),
            new ConditionCode("195967001", "Asthma (disorder)", "J45.909", "Unspecified asthma, uncomplicated", true),
            new ConditionCode("414916001", "Obesity (disorder)", "E66.9", "Obesity, unspecified", true),
            new ConditionCode("235595009", "Gastroesophageal reflux disease (disorder)",
                    "K21.9", "Gastro-esophageal reflux disease without esophagitis", true),
            new ConditionCode("68566005", "Urinary tract infectious disease (disorder)",
                    "N39.0", "Urinary tract infection, site not specified", false),
            new ConditionCode("25064002", "Headache (finding)", "R51.9", "Headache, unspecified", false),
            new ConditionCode("40930008", "Hypothyroidism (disorder)", "E03.9", "Hypothyroidism, unspecified", true),
            new ConditionCode("405737000", "Pharyngitis (disorder)", "J02.9", "Acute pharyngitis, unspecified", false),
            new ConditionCode("239873007", "Osteoarthritis of knee (disorder)",
                    "M17.9", "Osteoarthritis of knee, unspecified", true),
            new ConditionCode("78275009", "Obstructive sleep apnea syndrome (disorder)",
                    "G47.33", "Obstructive sleep apnea (adult) (pediatric)", true),
            new ConditionCode("53741008", "Coronary arteriosclerosis (disorder)",
                    "I25.10", "Atherosclerotic heart disease of native coronary artery without angina pectoris", true));

    static final Code AMBULATORY = new Code(ACT_CODE, "AMB", "ambulatory");

    /** Ambulatory kinds first, then the one emergency and the one inpatient kind, in that order. */
    static final CodeTable<EncounterKind> ENCOUNTER_KINDS = CodeTable.of(
            new EncounterKind(AMBULATORY, new Code(SNOMED, "185349003", "Encounter for check up (procedure)")),
            new EncounterKind(AMBULATORY, new Code(SNOMED, "185345009", "Encounter for symptom (procedure)")),
            new EncounterKind(AMBULATORY, new Code(SNOMED, "390906007", "Follow-up encounter (procedure)")),
            new EncounterKind(AMBULATORY,
                    new Code(SNOMED, "162673000", "General examination of patient (procedure)")),
            new EncounterKind(new Code(ACT_CODE, "EMER", "emergency"),
                    new Code(SNOMED, "50849002", "Emergency room admission (procedure)")),
            new EncounterKind(new Code(ACT_CODE, "IMP", "inpatient encounter"),
                    new Code(SNOMED, "32485007", "Hospital admission (procedure)")));

    static final CodeTable<Code> PROCEDURES = CodeTable.of(
            new Code(SNOMED, "73761001", "Colonoscopy (procedure)"),
            new Code(SNOMED, "71651007", "Mammography (procedure)"),
            new Code(SNOMED, "430193006", "Medication reconciliation (procedure)"),
            new Code(SNOMED, "171207006", "Depression screening (procedure)"),
            new Code(SNOMED, "117015009", "Throat culture (procedure)"),
            new Code(SNOMED, "76601001", "Intramuscular injection (procedure)"),
            new Code(SNOMED, "5880005", "Physical examination procedure (procedure)"),
            new Code(SNOMED, "399208008", "Plain X-ray of chest (procedure)"),
            new Code(SNOMED, "29303009", "Electrocardiographic procedure (procedure)"),
            new Code(SNOMED, "127783003", "Spirometry (procedure)"),
            new Code(SNOMED, "710824005", "Assessment of health and social care needs (procedure)"));

    static final CodeTable<Code> MEDICATIONS = CodeTable.of(
            new Code(RXNORM, "197361", "amlodipine 5 MG Oral Tablet"),
            new Code(RXNORM, "314076", "lisinopril 10 MG Oral Tablet"),
            new Code(RXNORM, "861007", "metformin hydrochloride 500 MG Oral Tablet"),
            new Code(RXNORM, "310798", "hydrochlorothiazide 25 MG Oral Tablet"),
            new Code(RXNORM, "314231", "simvastatin 10 MG Oral Tablet"),
            new Code(RXNORM, "312961", "simvastatin 20 MG Oral Tablet"),
            new Code(RXNORM, "859747", "rosuvastatin calcium 10 MG Oral Tablet"),
            new Code(RXNORM, "904467", "pravastatin sodium 20 MG Oral Tablet"),
            new Code(RXNORM, "313782", "acetaminophen 325 MG Oral Tablet"),
            new Code(RXNORM, "310965", "ibuprofen 200 MG Oral Tablet"),
            new Code(RXNORM, "849574", "naproxen sodium 220 MG Oral Tablet"),
            new Code(RXNORM, "243670", "aspirin 81 MG Oral Tablet"),
            new Code(RXNORM, "308182", "amoxicillin 250 MG Oral Capsule"),
            new Code(RXNORM, "308192", "amoxicillin 500 MG Oral Tablet"),
            new Code(RXNORM, "309097", "cefuroxime 250 MG Oral Tablet"));

    static final Code ORAL_ROUTE = new Code(SNOMED, "26643006", "Oral route (qualifier value)");

    static final CodeTable<Code> VACCINES = CodeTable.of(
            new Code(CVX, "140", "Influenza, seasonal, injectable, preservative free"),
            new Code(CVX, "150", "Influenza, injectable, quadrivalent, preservative free"),
            new Code(CVX, "133", "Pneumococcal conjugate PCV 13"),
            new Code(CVX, "33", "pneumococcal polysaccharide vaccine, 23 valent"),
            new Code(CVX, "115", "Tdap"),
            new Code(CVX, "113", "Td (adult) preservative free"),
            new Code(CVX, "187", "zoster vaccine recombinant"),
            new Code(CVX, "43", "Hep B, adult"),
            new Code(CVX, "52", "Hep A, adult"),
            new Code(CVX, "62", "HPV, quadrivalent"),
            new Code(CVX, "03", "MMR"),
            new Code(CVX, "21", "varicella"),
            new Code(CVX, "208", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, "
                    + "30 mcg/0.3mL dose"));

    static final CodeTable<Allergen> ALLERGENS = CodeTable.of(
            new Allergen(new Code(RXNORM, "7980", "Penicillin G"), "medication"),
            new Allergen(new Code(RXNORM, "7984", "Penicillin V"), "medication"),
            new Allergen(new Code(RXNORM, "723", "Amoxicillin"), "medication"),
            new Allergen(new Code(RXNORM, "1191", "Aspirin"), "medication"),
            new Allergen(new Code(RXNORM, "2670", "Codeine"), "medication"),
            new Allergen(new Code(SNOMED, "762952008", "Peanut (substance)"), "food"),
            new Allergen(new Code(SNOMED, "735029006", "Shellfish (substance)"), "food"),
            new Allergen(new Code(SNOMED, "102263004", "Eggs (edible) (substance)"), "food"),
            new Allergen(new Code(SNOMED, "111088007", "Latex (substance)"), "environment"),
            new Allergen(new Code(SNOMED, "256259004", "Pollen (substance)"), "environment"),
            new Allergen(new Code(SNOMED, "264287008", "Animal dander (substance)"), "environment"));

    static final CodeTable<Code> REACTIONS = CodeTable.of(
            new Code(SNOMED, "247472004", "Wheal (finding)"),
            new Code(SNOMED, "271807003", "Eruption of skin (disorder)"),
            new Code(SNOMED, "418290006", "Itching (finding)"),
            new Code(SNOMED, "267036007", "Dyspnea (finding)"),
            new Code(SNOMED, "49727002", "Cough (finding)"),
            new Code(SNOMED, "39579001", "Anaphylaxis (disorder)"));

    private static final Code DOCTOR = new Code(TERMINOLOGY + "practitioner-role", "doctor", "Doctor");
    private static final Code NURSE = new Code(TERMINOLOGY + "practitioner-role", "nurse", "Nurse");

    static final CodeTable<Specialty> SPECIALTIES = CodeTable.of(
            new Specialty(new Code(NUCC, "207Q00000X", "Family Medicine Physician"), DOCTOR, "MD"),
            new Specialty(new Code(NUCC, "207R00000X", "Internal Medicine Physician"), DOCTOR, "MD"),
            new Specialty(new Code(NUCC, "208D00000X", "General Practice Physician"), DOCTOR, "DO"),
            new Specialty(new Code(NUCC, "208000000X", "Pediatrics Physician"), DOCTOR, "MD"),
            new Specialty(new Code(NUCC, "207V00000X", "Obstetrics & Gynecology Physician"), DOCTOR, "MD"),
            new Specialty(new Code(NUCC, "207RC0000X", "Cardiovascular Disease Physician"), DOCTOR, "MD"),
            new Specialty(new Code(NUCC, "207RE0101X", "Endocrinology, Diabetes & Metabolism Physician"), DOCTOR,
                    "MD"),
            new Specialty(new Code(NUCC, "207X00000X", "Orthopaedic Surgery Physician"), DOCTOR, "MD"),
            new Specialty(new Code(NUCC, "2084P0800X", "Psychiatry Physician"), DOCTOR, "MD"),
            new Specialty(new Code(NUCC, "207N00000X", "Dermatology Physician"), DOCTOR, "DO"),
            new Specialty(new Code(NUCC, "363LF0000X", "Family Nurse Practitioner"), NURSE, "NP"),
            new Specialty(new Code(NUCC, "363A00000X", "Physician Assistant"), NURSE, "PA-C"));

    static final CodeTable<HealthPlan> HEALTH_PLANS = CodeTable.of(
            new HealthPlan("SHP-PPO-GOLD", "Synthetic Health Gold PPO",
                    new Code(SOURCE_OF_PAYMENT, "512", "Commercial Managed Care - PPO")),
            new HealthPlan("SHP-HMO-SILVER", "Synthetic Health Silver HMO",
                    new Code(SOURCE_OF_PAYMENT, "511", "Commercial Managed Care - HMO")),
            new HealthPlan("SHP-POS-BRONZE", "Synthetic Health Bronze POS",
                    new Code(SOURCE_OF_PAYMENT, "513", "Commercial Managed Care - POS")),
            new HealthPlan("SHP-MA-HMO", "Synthetic Health Medicare Advantage HMO",
                    new Code(SOURCE_OF_PAYMENT, "111", "Medicare HMO")));

    private CodeTables() {
    }
}

package org.openpayer.bulkexport.synthetic;

import static org.openpayer.bulkexport.synthetic.CodeSystems.CPT;
import static org.openpayer.bulkexport.synthetic.CodeSystems.ICD_10_CM;
import static org.openpayer.bulkexport.synthetic.CodeSystems.PLACE_OF_SERVICE;

/**
 * Billing vocabulary: CPT services with a plausible charge range, the place of service, and the ICD-10-CM codes of
 * visits that have no problem behind them. CPT descriptors are short paraphrases, not the AMA's licensed text.
 */
final class ClaimCodes {

    /** A billable service and the range its submitted charge is drawn from, in whole dollars. */
    record Service(Code code, int lowDollars, int highDollars) {
        Service(String cpt, String display, int lowDollars, int highDollars) {
            this(new Code(CPT, cpt, display), lowDollars, highDollars);
        }
    }

    /** Services billed on a professional claim from a practice (place of service 11, office). */
    static final CodeTable<Service> OFFICE_SERVICES = CodeTable.of(
            new Service("99203", "Office visit, new patient, low complexity", 150, 250),
            new Service("99204", "Office visit, new patient, moderate complexity", 230, 350),
            new Service("99213", "Office visit, established patient, low complexity", 100, 180),
            new Service("99214", "Office visit, established patient, moderate complexity", 150, 260),
            new Service("99395", "Preventive visit, established patient, 18-39 years", 180, 280),
            new Service("99396", "Preventive visit, established patient, 40-64 years", 200, 300),
            new Service("36415", "Collection of venous blood by venipuncture", 10, 30),
            new Service("80053", "Comprehensive metabolic panel", 25, 80),
            new Service("80061", "Lipid panel", 20, 70),
            new Service("83036", "Hemoglobin A1c", 20, 60),
            new Service("85025", "Complete blood count with automated differential", 15, 50),
            new Service("81002", "Urinalysis, non-automated, without microscopy", 5, 20),
            new Service("93000", "Electrocardiogram with interpretation and report", 40, 120),
            new Service("90471", "Immunization administration, first vaccine", 20, 40),
            new Service("90686", "Influenza vaccine, quadrivalent, preservative free, intramuscular", 25, 50),
            new Service("97110", "Therapeutic exercises, each 15 minutes", 40, 110));

    /** Services billed on an institutional claim from a hospital outpatient department (place of service 22). */
    static final CodeTable<Service> HOSPITAL_SERVICES = CodeTable.of(
            new Service("99283", "Emergency department visit, moderate severity", 300, 700),
            new Service("71046", "Chest X-ray, 2 views", 60, 180),
            new Service("45378", "Diagnostic colonoscopy", 800, 2000),
            new Service("77067", "Screening mammography, bilateral", 150, 350));

    static final Code OFFICE = new Code(PLACE_OF_SERVICE, "11", "Office");
    static final Code OUTPATIENT_HOSPITAL = new Code(PLACE_OF_SERVICE, "22", "On Campus-Outpatient Hospital");

    static final CodeTable<Code> ENCOUNTER_DIAGNOSES = CodeTable.of(
            new Code(ICD_10_CM, "Z00.00", "Encounter for general adult medical examination without abnormal findings"),
            new Code(ICD_10_CM, "Z23", "Encounter for immunization"));

    private ClaimCodes() {
    }
}

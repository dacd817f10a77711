package org.openpayer.bulkexport.synthetic;

import static org.openpayer.bulkexport.synthetic.CodeSystems.LOINC;

import java.util.List;

/**
 * Vital signs and laboratory tests (LOINC) with their UCUM unit and a plausible adult range to draw values from. The
 * blood pressure panel has no value of its own, only its systolic and diastolic components, as US Core models it.
 */
final class ObservationCodes {

    static final String VITAL_SIGNS = "vital-signs";
    static final String LABORATORY = "laboratory";

    /**
     * One observable.
     *
     * @param code       the LOINC code
     * @param category   {@link #VITAL_SIGNS} or {@link #LABORATORY}
     * @param unit       the UCUM code, also shown as the unit
     * @param low        lowest value drawn
     * @param high       highest value drawn
     * @param decimals   decimals kept
     * @param components the panel's parts; empty for a single value
     */
    record Observable(Code code, String category, String unit, double low, double high, int decimals,
                      List<Observable> components) {

        static Observable vital(String loinc, String display, String unit, double low, double high, int decimals) {
            return new Observable(new Code(LOINC, loinc, display), VITAL_SIGNS, unit, low, high, decimals, List.of());
        }

        static Observable lab(String loinc, String display, String unit, double low, double high, int decimals) {
            return new Observable(new Code(LOINC, loinc, display), LABORATORY, unit, low, high, decimals, List.of());
        }

        boolean isPanel() {
            return !components.isEmpty();
        }
    }

    private static final Observable BLOOD_PRESSURE = new Observable(
            new Code(LOINC, "85354-9", "Blood pressure panel with all children optional"), VITAL_SIGNS, null, 0, 0, 0,
            List.of(Observable.vital("8480-6", "Systolic blood pressure", "mm[Hg]", 100, 155, 0),
                    Observable.vital("8462-4", "Diastolic blood pressure", "mm[Hg]", 60, 95, 0)));

    static final CodeTable<Observable> OBSERVABLES = CodeTable.of(
            BLOOD_PRESSURE,
            Observable.vital("8867-4", "Heart rate", "/min", 55, 100, 0),
            Observable.vital("9279-1", "Respiratory rate", "/min", 12, 20, 0),
            Observable.vital("8310-5", "Body temperature", "Cel", 36.1, 37.6, 1),
            Observable.vital("29463-7", "Body weight", "kg", 50, 120, 1),
            Observable.vital("8302-2", "Body height", "cm", 150, 195, 1),
            Observable.vital("39156-5", "Body mass index (BMI) [Ratio]", "kg/m2", 18, 36, 1),
            Observable.vital("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%", 93, 100, 0),
            Observable.lab("2345-7", "Glucose [Mass/volume] in Serum or Plasma", "mg/dL", 70, 140, 0),
            Observable.lab("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%", 4.6, 9.0, 1),
            Observable.lab("2093-3", "Cholesterol [Mass/volume] in Serum or Plasma", "mg/dL", 140, 260, 0),
            Observable.lab("2085-9", "Cholesterol in HDL [Mass/volume] in Serum or Plasma", "mg/dL", 35, 80, 0),
            Observable.lab("13457-7", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation", "mg/dL",
                    60, 180, 0),
            Observable.lab("2571-8", "Triglyceride [Mass/volume] in Serum or Plasma", "mg/dL", 50, 250, 0),
            Observable.lab("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", 0.6, 1.3, 2),
            Observable.lab("718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", 11.5, 17.5, 1),
            Observable.lab("6690-2", "Leukocytes [#/volume] in Blood by Automated count", "10*3/uL", 4, 11, 1),
            Observable.lab("777-3", "Platelets [#/volume] in Blood by Automated count", "10*3/uL", 150, 400, 0),
            Observable.lab("2951-2", "Sodium [Moles/volume] in Serum or Plasma", "mmol/L", 135, 145, 0),
            Observable.lab("2823-3", "Potassium [Moles/volume] in Serum or Plasma", "mmol/L", 3.5, 5.1, 1),
            Observable.lab("3016-3", "Thyrotropin [Units/volume] in Serum or Plasma", "m[IU]/L", 0.4, 4.5, 2));

    private ObservationCodes() {
    }
}

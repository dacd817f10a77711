package org.openpayer.bulkexport.synthetic;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.SplittableRandom;

/**
 * Vital signs and laboratory results (LOINC, UCUM quantities) taken at a visit, with values drawn uniformly from a
 * plausible adult range and rounded as the instrument would report them.
 */
final class ObservationResources {

    private static final String CATEGORY = CodeSystems.TERMINOLOGY + "observation-category";
    private static final Code VITAL_SIGNS = new Code(CATEGORY, ObservationCodes.VITAL_SIGNS, "Vital Signs");
    private static final Code LABORATORY = new Code(CATEGORY, ObservationCodes.LABORATORY, "Laboratory");

    String observation(String id, MemberContext member, Visit visit, SplittableRandom random) throws IOException {
        ObservationCodes.Observable observable = ObservationCodes.OBSERVABLES.pick(random);
        FhirJsonWriter json = FhirJsonWriter.toText();
        json.beginResource("Observation", id);
        json.string("status", "final");
        json.codeableConceptArray("category",
                ObservationCodes.VITAL_SIGNS.equals(observable.category()) ? VITAL_SIGNS : LABORATORY);
        json.codeableConcept("code", observable.code());
        json.reference("subject", member.patientReference());
        json.reference("encounter", visit.encounterReference());
        json.string("effectiveDateTime", visit.startDateTime());
        json.referenceArray("performer", visit.practitionerReference());
        if (observable.isPanel()) {
            json.beginArray("component");
            for (ObservationCodes.Observable component : observable.components()) {
                json.beginObject();
                json.codeableConcept("code", component.code());
                json.quantity("valueQuantity", value(component, random), component.unit());
                json.endObject();
            }
            json.endArray();
        } else {
            json.quantity("valueQuantity", value(observable, random), observable.unit());
        }
        json.endObject();
        return json.finish();
    }

    private static BigDecimal value(ObservationCodes.Observable observable, SplittableRandom random) {
        double drawn = observable.low() + (observable.high() - observable.low()) * random.nextDouble();
        double scale = Math.pow(10, observable.decimals());
        return BigDecimal.valueOf(Math.round(drawn * scale), observable.decimals());
    }
}

package org.openpayer.bulkexport.synthetic;

import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/** What a visit prescribes, administers or learns about substances: MedicationRequest, Immunization, allergies. */
final class MedicationResources {

    /** Prescriptions from the last half year are still active; older ones have run their course. */
    private static final int ACTIVE_PRESCRIPTION_DAYS = 180;
    private static final Code ALLERGY_ACTIVE = new Code(
            CodeSystems.TERMINOLOGY + "allergyintolerance-clinical", "active", "Active");
    private static final Code ALLERGY_CONFIRMED = new Code(
            CodeSystems.TERMINOLOGY + "allergyintolerance-verification", "confirmed", "Confirmed");
    private static final String[] SEVERITIES = {"mild", "moderate", "severe"};
    private static final String ANAPHYLAXIS = "39579001";

    String medicationRequest(String id, MemberContext member, Visit visit, SplittableRandom random)
            throws IOException {
        Code medication = CodeTables.MEDICATIONS.pick(random);
        int timesPerDay = 1 + random.nextInt(2);
        long age = ChronoUnit.DAYS.between(visit.start().toLocalDate(), member.referenceDate());
        FhirJsonWriter json = FhirJsonWriter.toText();
        json.beginResource("MedicationRequest", id);
        json.string("status", age <= ACTIVE_PRESCRIPTION_DAYS ? "active" : "completed");
        json.string("intent", "order");
        json.codeableConcept("medicationCodeableConcept", medication);
        json.reference("subject", member.patientReference());
        json.reference("encounter", visit.encounterReference());
        json.string("authoredOn", visit.startDateTime());
        json.reference("requester", visit.practitionerReference());
        json.beginArray("dosageInstruction");
        json.beginObject();
        json.integer("sequence", 1);
        json.string("text", "Take 1 by mouth " + (timesPerDay == 1 ? "once" : "twice") + " daily");
        json.beginObject("timing");
        json.beginObject("repeat");
        json.integer("frequency", timesPerDay);
        json.integer("period", 1);
        json.string("periodUnit", "d");
        json.endObject();
        json.endObject();
        json.codeableConcept("route", CodeTables.ORAL_ROUTE);
        json.endObject();
        json.endArray();
        json.endObject();
        return json.finish();
    }

    String immunization(String id, MemberContext member, Visit visit, SplittableRandom random) throws IOException {
        FhirJsonWriter json = FhirJsonWriter.toText();
        json.beginResource("Immunization", id);
        json.string("status", "completed");
        json.codeableConcept("vaccineCode", CodeTables.VACCINES.pick(random));
        json.reference("patient", member.patientReference());
        json.reference("encounter", visit.encounterReference());
        json.string("occurrenceDateTime", visit.startDateTime());
        json.bool("primarySource", true);
        json.reference("location", visit.locationReference());
        json.string("lotNumber", "LOT" + SyntheticIds.pad(random.nextInt(1_000_000), 6));
        json.beginArray("performer");
        json.beginObject();
        json.reference("actor", visit.practitionerReference());
        json.endObject();
        json.endArray();
        json.endObject();
        return json.finish();
    }

    /** Recorded at the visit; an anaphylactic reaction makes the allergy high-criticality and severe. */
    String allergyIntolerance(String id, MemberContext member, Visit visit, SplittableRandom random)
            throws IOException {
        CodeTables.Allergen allergen = CodeTables.ALLERGENS.pick(random);
        Code reaction = CodeTables.REACTIONS.pick(random);
        boolean anaphylaxis = ANAPHYLAXIS.equals(reaction.code());
        FhirJsonWriter json = FhirJsonWriter.toText();
        json.beginResource("AllergyIntolerance", id);
        json.codeableConcept("clinicalStatus", ALLERGY_ACTIVE);
        json.codeableConcept("verificationStatus", ALLERGY_CONFIRMED);
        json.string("type", "allergy");
        json.stringArray("category", allergen.category());
        json.string("criticality", anaphylaxis ? "high" : "low");
        json.codeableConcept("code", allergen.code());
        json.reference("patient", member.patientReference());
        json.reference("encounter", visit.encounterReference());
        json.string("recordedDate", visit.startDateTime());
        json.reference("recorder", visit.practitionerReference());
        json.beginArray("reaction");
        json.beginObject();
        json.codeableConceptArray("manifestation", reaction);
        json.string("severity", anaphylaxis ? "severe" : SEVERITIES[random.nextInt(2)]);
        json.endObject();
        json.endArray();
        json.endObject();
        return json.finish();
    }
}

package org.openpayer.bulkexport.synthetic;

import java.io.IOException;
import java.time.LocalDate;
import java.util.SplittableRandom;

/** What a visit records about the visit itself: the Encounter, the Conditions found and the Procedures done. */
final class VisitResources {

    private static final Code PRIMARY_PERFORMER =
            new Code(CodeSystems.TERMINOLOGY + "v3-ParticipationType", "PPRF", "primary performer");
    private static final String CONDITION_CLINICAL = CodeSystems.TERMINOLOGY + "condition-clinical";
    private static final Code ACTIVE = new Code(CONDITION_CLINICAL, "active", "Active");
    private static final Code RESOLVED = new Code(CONDITION_CLINICAL, "resolved", "Resolved");
    private static final Code CONFIRMED =
            new Code(CodeSystems.TERMINOLOGY + "condition-ver-status", "confirmed", "Confirmed");
    private static final String CONDITION_CATEGORY = CodeSystems.TERMINOLOGY + "condition-category";
    private static final Code PROBLEM_LIST_ITEM =
            new Code(CONDITION_CATEGORY, "problem-list-item", "Problem List Item");
    private static final Code ENCOUNTER_DIAGNOSIS =
            new Code(CONDITION_CATEGORY, "encounter-diagnosis", "Encounter Diagnosis");

    String encounter(MemberContext member, Visit visit, SplittableRandom random) throws IOException {
        FhirJsonWriter json = FhirJsonWriter.toText();
        json.beginResource("Encounter", visit.encounterId());
        json.string("status", "finished");
        json.coding("class", visit.kind().actClass());
        json.codeableConceptArray("type", visit.kind().type());
        json.reference("subject", member.patientReference());
        json.beginArray("participant");
        json.beginObject();
        json.codeableConceptArray("type", PRIMARY_PERFORMER);
        json.reference("individual", visit.practitionerReference());
        json.endObject();
        json.endArray();
        json.period("period", visit.startDateTime(), visit.endDateTime());
        json.codeableConceptArray("reasonCode", CodeTables.CONDITIONS.pick(random).snomed());
        json.beginArray("location");
        json.beginObject();
        json.reference("location", visit.locationReference());
        json.endObject();
        json.endArray();
        json.reference("serviceProvider", visit.organizationReference());
        json.endObject();
        return json.finish();
    }

    /**
     * Chronic problems began up to five years before the visit (not before birth) and stay active; acute ones
     * began days before and have resolved a week or more later, unless that would be after the reference date.
     */
    String condition(String id, MemberContext member, Visit visit, SplittableRandom random) throws IOException {
        CodeTables.ConditionCode condition = CodeTables.CONDITIONS.pick(random);
        LocalDate visitDate = visit.start().toLocalDate();
        LocalDate onset = visitDate.minusDays(condition.chronic() ? random.nextInt(1_826) : random.nextInt(6));
        if (onset.isBefore(member.person().birthDate())) {
            onset = member.person().birthDate();
        }
        LocalDate abatement = condition.chronic() ? null : visitDate.plusDays(7 + random.nextInt(24));
        boolean resolved = abatement != null && abatement.isBefore(member.referenceDate());
        FhirJsonWriter json = FhirJsonWriter.toText();
        json.beginResource("Condition", id);
        json.codeableConcept("clinicalStatus", resolved ? RESOLVED : ACTIVE);
        json.codeableConcept("verificationStatus", CONFIRMED);
        json.codeableConceptArray("category", condition.chronic() ? PROBLEM_LIST_ITEM : ENCOUNTER_DIAGNOSIS);
        json.codeableConcept("code", condition.snomed(), condition.icd10());
        json.reference("subject", member.patientReference());
        json.reference("encounter", visit.encounterReference());
        json.string("onsetDateTime", onset.toString());
        if (resolved) {
            json.string("abatementDateTime", abatement.toString());
        }
        json.string("recordedDate", visit.startDateTime());
        json.reference("recorder", visit.practitionerReference());
        json.endObject();
        return json.finish();
    }

    String procedure(String id, MemberContext member, Visit visit, SplittableRandom random) throws IOException {
        FhirJsonWriter json = FhirJsonWriter.toText();
        json.beginResource("Procedure", id);
        json.string("status", "completed");
        json.codeableConcept("code", CodeTables.PROCEDURES.pick(random));
        json.reference("subject", member.patientReference());
        json.reference("encounter", visit.encounterReference());
        json.string("performedDateTime", visit.startDateTime());
        json.beginArray("performer");
        json.beginObject();
        json.reference("actor", visit.practitionerReference());
        json.endObject();
        json.endArray();
        json.reference("location", visit.locationReference());
        json.endObject();
        return json.finish();
    }
}

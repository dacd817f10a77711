package org.openpayer.bulkexport.synthetic;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * A member's clinical record: the slots of {@link ClinicalKind}'s pattern, grouped into visits within the two years
 * before the reference date (never before birth). Most visits are with the attributed practitioner; the rest are
 * with someone at another provider organization, so exports cross organizations as real ones do.
 */
final class ClinicalResources {

    private static final int HISTORY_DAYS = 730;
    private static final int ATTRIBUTED_VISIT_PERCENT = 75;

    private final int clinicalPerMember;
    private final int organizations;
    private final ProviderDirectory directory;
    private final VisitResources visits;
    private final ObservationResources observations;
    private final MedicationResources medications;

    ClinicalResources(DatasetSpec spec, ProviderDirectory directory) {
        this.clinicalPerMember = spec.clinicalPerMember();
        this.organizations = spec.providerOrganizations();
        this.directory = directory;
        this.visits = new VisitResources();
        this.observations = new ObservationResources();
        this.medications = new MedicationResources();
    }

    void write(MemberContext member, SplittableRandom random, ResourceSink sink) throws IOException {
        Visit visit = null;
        for (int slot = 1; slot <= clinicalPerMember; slot++) {
            ClinicalKind kind = ClinicalKind.ofSlot(slot);
            String id = SyntheticIds.clinical(kind.idPrefix(), member.member(), slot);
            if (kind == ClinicalKind.ENCOUNTER) {
                visit = newVisit(member, id, random);
            }
            sink.accept(kind.resourceType(), id, resource(kind, id, member, visit, random));
        }
    }

    private String resource(ClinicalKind kind, String id, MemberContext member, Visit visit, SplittableRandom random)
            throws IOException {
        return switch (kind) {
            case ENCOUNTER -> visits.encounter(member, visit, random);
            case CONDITION -> visits.condition(id, member, visit, random);
            case PROCEDURE -> visits.procedure(id, member, visit, random);
            case OBSERVATION -> observations.observation(id, member, visit, random);
            case MEDICATION_REQUEST -> medications.medicationRequest(id, member, visit, random);
            case IMMUNIZATION -> medications.immunization(id, member, visit, random);
            case ALLERGY_INTOLERANCE -> medications.allergyIntolerance(id, member, visit, random);
        };
    }

    /** Ambulatory mostly, sometimes emergency (hours) or inpatient (days). */
    private Visit newVisit(MemberContext member, String encounterId, SplittableRandom random) {
        int daysBack = 1 + random.nextInt(Math.min(HISTORY_DAYS, member.livedDays()));
        LocalDateTime start = member.referenceDate().minusDays(daysBack)
                .atTime(8 + random.nextInt(9), 15 * random.nextInt(4));
        int roll = random.nextInt(100);
        int ambulatoryKinds = CodeTables.ENCOUNTER_KINDS.size() - 2;
        CodeTables.EncounterKind kind;
        LocalDateTime end;
        if (roll < 85) {
            kind = CodeTables.ENCOUNTER_KINDS.get(random.nextInt(ambulatoryKinds));
            end = start.plusMinutes(15 + 15 * random.nextInt(4));
        } else if (roll < 95) {
            kind = CodeTables.ENCOUNTER_KINDS.get(ambulatoryKinds);
            end = start.plusHours(2 + random.nextInt(5));
        } else {
            kind = CodeTables.ENCOUNTER_KINDS.get(ambulatoryKinds + 1);
            end = start.toLocalDate().plusDays(1 + random.nextInt(Math.min(4, daysBack))).atTime(11, 0);
        }
        int organization = member.attribution().organization();
        int practitioner = member.attribution().practitioner();
        if (random.nextInt(100) >= ATTRIBUTED_VISIT_PERCENT) {
            organization = 1 + random.nextInt(organizations);
            practitioner = directory.practitionerAt(organization,
                    random.nextInt(directory.practitionersAt(organization)));
        }
        return new Visit(encounterId, kind, start, end, practitioner, organization);
    }
}

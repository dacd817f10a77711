package org.openpayer.bulkexport.synthetic;

import static org.openpayer.bulkexport.synthetic.SyntheticIds.reference;

import java.time.LocalDateTime;

/**
 * One Encounter and who saw the member there; the clinical resources that follow it in the member's slots happened
 * during it and share its time, practitioner and place.
 */
record Visit(String encounterId, CodeTables.EncounterKind kind, LocalDateTime start, LocalDateTime end,
             int practitioner, int organization) {

    String encounterReference() {
        return reference("Encounter", encounterId);
    }

    String practitionerReference() {
        return reference("Practitioner", SyntheticIds.practitioner(practitioner));
    }

    String organizationReference() {
        return reference("Organization", SyntheticIds.organization(organization));
    }

    String locationReference() {
        return reference("Location", SyntheticIds.location(organization));
    }

    String startDateTime() {
        return dateTime(start);
    }

    String endDateTime() {
        return dateTime(end);
    }

    /** A FHIR dateTime to the second in UTC; {@link LocalDateTime#toString()} would drop zero seconds. */
    static String dateTime(LocalDateTime time) {
        return time.toLocalDate() + "T" + SyntheticIds.pad(time.getHour(), 2) + ":"
                + SyntheticIds.pad(time.getMinute(), 2) + ":00Z";
    }
}

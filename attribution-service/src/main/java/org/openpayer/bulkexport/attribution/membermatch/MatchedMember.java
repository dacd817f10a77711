package org.openpayer.bulkexport.attribution.membermatch;

import org.hl7.fhir.r4.model.Patient;

/** A stored member a match found: its Patient id and the Patient as stored. */
record MatchedMember(String patientId, Patient patient) {
}

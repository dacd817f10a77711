package org.openpayer.bulkexport.attribution.membermatch;

import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Patient;

/**
 * The inputs of one member match, checked by {@link MemberMatchInputReader}: who the requester looks for, the card it
 * has, its own coverage of the member, and the member's Consent.
 */
record MemberMatchInput(Patient memberPatient, Coverage coverageToMatch, Coverage coverageToLink, Consent consent) {

    MatchCriteria criteria() {
        return new MatchCriteria(CardIds.of(coverageToMatch), MemberDemographics.of(memberPatient));
    }
}

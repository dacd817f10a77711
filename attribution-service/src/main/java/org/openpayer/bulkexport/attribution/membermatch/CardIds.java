package org.openpayer.bulkexport.attribution.membermatch;

import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Identifier;
import org.openpayer.bulkexport.model.fhir.hrex.HrexVocabulary;
import org.openpayer.bulkexport.rest.FhirException;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The ids on the member's card, from CoverageToMatch: its member ids (identifiers typed {@code MB}) and its
 * subscriber id. Only the values count: the requester copies them from a card that shows no identifier system, so
 * the system it sends is its own guess. A stored member is a candidate when one of its ids equals one of these.
 *
 * @param values the ids, as given
 */
record CardIds(Set<String> values) {

    CardIds {
        values = Set.copyOf(values);
    }

    /** Reads CoverageToMatch, refusing (400) a coverage with neither id (HRex: a deterministic match needs one). */
    static CardIds of(Coverage coverageToMatch) {
        Set<String> values = new LinkedHashSet<>();
        for (Identifier identifier : coverageToMatch.getIdentifier()) {
            if (isMemberNumber(identifier) && identifier.hasValue() && !identifier.getValue().isBlank()) {
                values.add(identifier.getValue().strip());
            }
        }
        if (coverageToMatch.hasSubscriberId() && !coverageToMatch.getSubscriberId().isBlank()) {
            values.add(coverageToMatch.getSubscriberId().strip());
        }
        if (values.isEmpty()) {
            throw FhirException.badRequest("CoverageToMatch needs the member id from the card: an identifier typed "
                    + HrexVocabulary.IDENTIFIER_TYPES + "#" + HrexVocabulary.MEMBER_NUMBER + ", or subscriberId.");
        }
        return new CardIds(values);
    }

    static boolean isMemberNumber(Identifier identifier) {
        return identifier.getType().getCoding().stream().anyMatch(coding ->
                HrexVocabulary.IDENTIFIER_TYPES.equals(coding.getSystem())
                        && HrexVocabulary.MEMBER_NUMBER.equals(coding.getCode()));
    }
}

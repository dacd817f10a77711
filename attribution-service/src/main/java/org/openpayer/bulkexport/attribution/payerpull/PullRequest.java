package org.openpayer.bulkexport.attribution.payerpull;

import java.util.List;

/**
 * A pull as accepted, stored with it so any instance can run it: how to find the member at the old payer and what to
 * export there.
 *
 * @param remoteMemberId the member's Patient id at the old payer when the caller knows it (no $member-match)
 * @param match          the $member-match inputs, or {@code null} to use the id known from an earlier match
 * @param bulk           the Bulk Data parameters passed through to the export
 */
public record PullRequest(String remoteMemberId, MatchInputs match, BulkParameters bulk) {

    /**
     * HRex $member-match inputs besides MemberPatient (our Patient), as JSON.
     *
     * @param coverageToMatch the member's coverage at the old payer, from their card
     * @param coverageToLink  our coverage of the member
     * @param consent         the member's HRex Consent to the old payer disclosing their data to us
     */
    public record MatchInputs(String coverageToMatch, String coverageToLink, String consent) {
    }

    /**
     * Bulk Data kick-off parameters, as the caller gave them.
     *
     * @param type        {@code _type}, comma-separated, or {@code null}
     * @param since       {@code _since}, a FHIR instant, or {@code null}
     * @param typeFilters {@code _typeFilter} queries, one per entry
     */
    public record BulkParameters(String type, String since, List<String> typeFilters) {

        public BulkParameters {
            typeFilters = typeFilters == null ? List.of() : List.copyOf(typeFilters);
        }
    }
}

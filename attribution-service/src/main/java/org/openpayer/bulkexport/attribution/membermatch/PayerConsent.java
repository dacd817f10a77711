package org.openpayer.bulkexport.attribution.membermatch;

import org.openpayer.bulkexport.model.fhir.hrex.HrexConsentPolicy;

import java.time.Instant;
import java.util.List;

/**
 * The terms of a member's HRex Consent that this payer honours, as stored with the match: what may be disclosed
 * ({@code policy}), during which period ({@code [start, end)}), by whom (this payer, {@code sources}) and to whom (the
 * requesting payer, {@code recipients}). The payer-to-payer export applies them again when it runs.
 *
 * @param sources    {@code system|value} identifiers of the provision's source actors
 * @param recipients {@code system|value} identifiers of the provision's recipient actors
 */
record PayerConsent(HrexConsentPolicy policy, Instant start, Instant end, List<String> sources,
                    List<String> recipients) {

    PayerConsent {
        sources = List.copyOf(sources);
        recipients = List.copyOf(recipients);
    }
}

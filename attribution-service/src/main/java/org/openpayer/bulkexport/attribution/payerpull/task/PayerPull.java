package org.openpayer.bulkexport.attribution.payerpull.task;

import org.openpayer.bulkexport.attribution.payerpull.PullOutcome;
import org.openpayer.bulkexport.attribution.payerpull.PullRequest;
import org.openpayer.bulkexport.attribution.payerpull.PullStep;

import java.time.Instant;
import java.util.UUID;

/**
 * One pull as stored (table {@code payer_pull}): what was asked, where it is, and what it found on the way.
 *
 * @param id                     also the Task's id
 * @param clientId               the SMART client that started it, the only one that may read its Task
 * @param patientId              our member
 * @param remotePayerId          the registered payer it pulls from
 * @param request                the accepted request
 * @param status                 the Task's status
 * @param step                   the step running now, or the one that failed; {@code null} before the first
 * @param progress               the old payer's latest {@code X-Progress}, or how far a download is
 * @param statusReason           why it failed
 * @param remotePatientId        the member's Patient id at the old payer, once known
 * @param remoteMemberIdentifier the member's identifier there ({@code system|value}), when a match gave one
 * @param exportStatusUrl        the export's status URL at the old payer, once kicked off
 * @param outcome                what the import did, once completed
 * @param attempts               how often an instance has claimed it
 * @param times                  when it was created, first started, last changed and finished
 */
public record PayerPull(UUID id, String clientId, String patientId, UUID remotePayerId, PullRequest request,
                        PullStatus status, PullStep step, String progress, String statusReason,
                        String remotePatientId, String remoteMemberIdentifier, String exportStatusUrl,
                        PullOutcome outcome, int attempts, Times times) {

    /** The pull's clock (database time). */
    public record Times(Instant created, Instant started, Instant updated, Instant finished) {
    }
}

package org.openpayer.bulkexport.attribution.membermatch;

import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.jboss.logging.Logger;
import org.openpayer.bulkexport.attribution.config.AttributionConfig;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.model.fhir.hrex.MultiMemberMatchResult;
import org.openpayer.bulkexport.rest.FhirException;
import org.openpayer.bulkexport.rest.RequestingPayer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;

/**
 * Decides one member of a {@code $bulk-member-match}, with the single match's rules: the card and demographics find
 * the member ({@link MemberMatcher}); no member, or several, is not matched and counts as a failed match against the
 * client's guessing limit; one member whose Consent this payer cannot honour for the requester now (PDex: matched
 * but not compliable) is consent-constrained; otherwise the match is stored with its Consent, as a single match is,
 * and names the Group of matched members it belongs to. Runs in the caller's transaction, under the client's match
 * lock.
 */
@ApplicationScoped
public class BulkMemberMatcher {

    private static final Logger LOG = Logger.getLogger(BulkMemberMatcher.class);

    private final MemberMatchInputReader reader;
    private final FhirJson fhir;
    private final MemberMatcher matcher;
    private final FailedMatchThrottle throttle;
    private final UniqueMemberIdentifier identifiers;
    private final MemberMatchRepository matches;
    private final Set<String> payerIdentifiers;

    public BulkMemberMatcher(MemberMatchInputReader reader, FhirJson fhir, MemberMatcher matcher,
                             FailedMatchThrottle throttle, UniqueMemberIdentifier identifiers,
                             MemberMatchRepository matches, AttributionConfig config) {
        this.reader = reader;
        this.fhir = fhir;
        this.matcher = matcher;
        this.throttle = throttle;
        this.identifiers = identifiers;
        this.matches = matches;
        this.payerIdentifiers = Set.copyOf(config.payer().identifiers());
    }

    BulkMatchQueue.MemberOutcome decide(Connection connection, BulkMatchQueue.WaitingMember member)
            throws SQLException {
        MemberMatchInput input = reader.read(fhir.strictParser().parseResource(Parameters.class, member.input())
                .getParameter());
        MatchCriteria criteria = input.criteria();
        MatchResult result = matcher.match(connection, criteria);
        if (!(result instanceof MatchResult.Unique unique)) {
            throttle.recordFailure(connection, member.clientId());
            LOG.infof("bulk member-match %s member %d: %s", member.jobId(), member.seq(),
                    result instanceof MatchResult.Several ? "several members match" : "no member matches");
            return new BulkMatchQueue.MemberOutcome(MultiMemberMatchResult.NOT_MATCHED, null, null);
        }
        String patientId = unique.member().patientId();
        PayerConsent consent;
        try {
            consent = HrexConsentRules.honour(input.consent(), payerIdentifiers,
                    new RequestingPayer(member.requester()), Instant.now());
        } catch (FhirException refused) {
            LOG.infof("bulk member-match %s member %d: matched, consent not honoured: %s", member.jobId(),
                    member.seq(), refused.getMessage());
            return new BulkMatchQueue.MemberOutcome(MultiMemberMatchResult.CONSENT_CONSTRAINED, patientId, null);
        }
        Identifier umb = identifiers.of(connection, unique.member(), criteria.cardIds());
        matches.insert(connection, new MemberMatchRepository.StoredMatch(member.clientId(), unique.member(), umb,
                input, consent, member.matchGroupId()));
        LOG.infof("bulk member-match %s member %d: matched", member.jobId(), member.seq());
        return new BulkMatchQueue.MemberOutcome(MultiMemberMatchResult.MATCHED, patientId,
                umb.getSystem() + "|" + umb.getValue());
    }
}

package org.openpayer.bulkexport.attribution.membermatch;

import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Identifier;
import org.jboss.logging.Logger;
import org.openpayer.bulkexport.attribution.write.JdbcTransaction;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.rest.FhirException;

import java.sql.SQLException;
import java.util.UUID;

/**
 * One {@code $member-match}, after its input and Consent were accepted: in one transaction, under the client's match
 * lock, the guessing limit is checked, the member matched, and either the match (with its Consent and CoverageToLink)
 * stored or the failure counted. The failure is committed before the 422 goes out, so it counts even though the
 * request fails.
 */
@ApplicationScoped
public class MemberMatchService {

    /** A request ready to match: the client that asks, its checked input, and the Consent's terms. */
    record MatchRequest(String clientId, MemberMatchInput input, PayerConsent consent) {
    }

    /** The answer to a unique match: the member's UMB and the Patient's absolute URL. */
    record MatchAnswer(Identifier memberIdentifier, String patientUrl) {
    }

    private static final Logger LOG = Logger.getLogger(MemberMatchService.class);

    /** What the transaction decided; {@code answer} only for a unique match. */
    private record Outcome(MatchResult result, MatchAnswer answer) {
    }

    private final JdbcTransaction transaction;
    private final FailedMatchThrottle throttle;
    private final MemberMatcher matcher;
    private final UniqueMemberIdentifier identifiers;
    private final MemberMatchRepository repository;

    public MemberMatchService(JdbcTransaction transaction, FailedMatchThrottle throttle, MemberMatcher matcher,
                              UniqueMemberIdentifier identifiers, MemberMatchRepository repository) {
        this.transaction = transaction;
        this.throttle = throttle;
        this.matcher = matcher;
        this.identifiers = identifiers;
        this.repository = repository;
    }

    MatchAnswer match(MatchRequest request) throws SQLException {
        MatchCriteria criteria = request.input().criteria();
        Outcome outcome = transaction.run(connection -> {
            throttle.admit(connection, request.clientId());
            MatchResult result = matcher.match(connection, criteria);
            if (result instanceof MatchResult.Unique unique) {
                Identifier umb = identifiers.of(connection, unique.member(), criteria.cardIds());
                UUID matchId = repository.insert(connection, new MemberMatchRepository.StoredMatch(
                        request.clientId(), unique.member(), umb, request.input(), request.consent(), null));
                LOG.infof("member-match by client %s: matched, stored as member_match %s", request.clientId(), matchId);
                return new Outcome(result, new MatchAnswer(umb, identifiers.patientUrl(unique.member())));
            }
            throttle.recordFailure(connection, request.clientId());
            LOG.infof("member-match by client %s: %s", request.clientId(),
                    result instanceof MatchResult.Several ? "several members match" : "no member matches");
            return new Outcome(result, null);
        });
        if (outcome.answer() != null) {
            return outcome.answer();
        }
        if (outcome.result() instanceof MatchResult.Several) {
            throw FhirException.unprocessable(IssueType.MULTIPLE_MATCHES, "MemberPatient and CoverageToMatch match "
                    + "more than one member, so none can be named. Check the member id on the card.");
        }
        throw FhirException.unprocessable(IssueType.NOT_FOUND, "No member matches MemberPatient and "
                + "CoverageToMatch: the member id or subscriber id on the card, with the name, birth date and gender.");
    }
}

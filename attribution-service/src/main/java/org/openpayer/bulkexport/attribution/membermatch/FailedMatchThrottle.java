package org.openpayer.bulkexport.attribution.membermatch;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.attribution.config.AttributionConfig;
import org.openpayer.bulkexport.rest.FhirException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Limits guessing: a client with {@code maxFailedMatches} failed matches in the last {@code failureWindow} is refused
 * with 429 until the oldest of them leaves the window (HRex: guard against the same demographics tried with one card
 * after another). Failures are rows in the database, counted on the database clock, and a client's matches run one
 * at a time under a transaction-scoped advisory lock, so the limit is exact across instances and concurrent requests.
 * Only failed matches count, single and bulk alike: refused Consents and malformed requests reveal nothing about
 * members.
 */
@ApplicationScoped
public class FailedMatchThrottle {

    private static final String LOCK = "select pg_advisory_xact_lock(hashtext(?))";
    private static final String RECENT_FAILURES = """
            select count(*), ceil(extract(epoch from min(failed_at) + ? * interval '1 millisecond' - clock_timestamp()))
            from attribution.member_match_failure
            where client_id = ? and failed_at > clock_timestamp() - ? * interval '1 millisecond'""";
    private static final String FORGET_OLD = """
            delete from attribution.member_match_failure
            where client_id = ? and failed_at <= clock_timestamp() - ? * interval '1 millisecond'""";
    private static final String RECORD = """
            insert into attribution.member_match_failure (client_id, failed_at) values (?, clock_timestamp())""";

    private final int maxFailures;
    private final long windowMillis;

    public FailedMatchThrottle(AttributionConfig config) {
        this.maxFailures = config.memberMatch().maxFailedMatches();
        this.windowMillis = config.memberMatch().failureWindow().toMillis();
    }

    /** Takes the client's match lock for the transaction, then refuses (429) a client at its limit. */
    void admit(Connection connection, String clientId) throws SQLException {
        Optional<Duration> blocked = blockedFor(connection, clientId);
        if (blocked.isPresent()) {
            throw FhirException.tooManyRequests("Too many failed member matches: " + maxFailures + " within "
                    + window() + ". Check the member's card and demographics, then try again after Retry-After.",
                    blocked.get());
        }
    }

    /**
     * Takes the client's match lock for the transaction; for a client at its limit, how long until its oldest failure
     * leaves the window. A bulk match waits that long instead of refusing.
     */
    Optional<Duration> blockedFor(Connection connection, String clientId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setString(1, "member-match:" + clientId);
            lock.execute();
        }
        try (PreparedStatement statement = connection.prepareStatement(RECENT_FAILURES)) {
            statement.setLong(1, windowMillis);
            statement.setString(2, clientId);
            statement.setLong(3, windowMillis);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1) >= maxFailures
                        ? Optional.of(Duration.ofSeconds(Math.max(1, row.getLong(2)))) : Optional.empty();
            }
        }
    }

    private String window() {
        return windowMillis % 60_000 == 0 ? windowMillis / 60_000 + " minutes" : windowMillis / 1000 + " seconds";
    }

    /** Counts one failed match against the client, and forgets its failures the window has left behind. */
    void recordFailure(Connection connection, String clientId) throws SQLException {
        try (PreparedStatement forget = connection.prepareStatement(FORGET_OLD)) {
            forget.setString(1, clientId);
            forget.setLong(2, windowMillis);
            forget.executeUpdate();
        }
        try (PreparedStatement record = connection.prepareStatement(RECORD)) {
            record.setString(1, clientId);
            record.executeUpdate();
        }
    }
}

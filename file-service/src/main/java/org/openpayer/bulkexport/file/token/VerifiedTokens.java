package org.openpayer.bulkexport.file.token;

import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens already verified, by their exact text, for a short while. A Bulk Data client downloads an export's
 * files one after another with one token; checking its signature again for each file cost more CPU than the rest of
 * the request (an ECDSA verification). A token is taken from here only until the earlier of its expiry and
 * {@link #LONGEST_REUSE} after it was verified, so a signing key that leaves auth-service's JWKS stops being trusted
 * at most that much later than without this cache (the JWKS itself is refreshed every minute). Only tokens that passed
 * every check are kept; a failure is never cached.
 */
final class VerifiedTokens {

    static final Duration LONGEST_REUSE = Duration.ofSeconds(60);
    /** Bounds memory: at most this many tokens are kept; past it, tokens are verified every time. */
    static final int MAX_TOKENS = 10_000;
    /** Longer tokens are verified every time, so memory stays bounded by {@link #MAX_TOKENS} times this. */
    static final int MAX_TOKEN_LENGTH = 8_192;

    /** The verification a cache miss runs: smallrye-jwt's own. */
    @FunctionalInterface
    interface Verification {
        JsonWebToken verify(String token) throws ParseException;
    }

    private record Verified(JsonWebToken token, Instant reuseUntil) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Clock clock;

    VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    /** The verified token: from the cache while it may be reused, else from {@code verification}. */
    JsonWebToken get(String token, Verification verification) throws ParseException {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null && now.isBefore(known.reuseUntil())) {
            return known.token();
        }
        JsonWebToken fresh = verification.verify(token);
        remember(token, fresh, now);
        return fresh;
    }

    int size() {
        return verified.size();
    }

    private void remember(String token, JsonWebToken fresh, Instant now) {
        long expiry = fresh.getExpirationTime();
        if (expiry <= 0 || token.length() > MAX_TOKEN_LENGTH) {
            return;
        }
        Instant reuseUntil = Instant.ofEpochSecond(expiry).isBefore(now.plus(LONGEST_REUSE))
                ? Instant.ofEpochSecond(expiry) : now.plus(LONGEST_REUSE);
        if (verified.size() >= MAX_TOKENS) {
            verified.values().removeIf(entry -> !now.isBefore(entry.reuseUntil()));
        }
        if (verified.size() < MAX_TOKENS) {
            verified.put(token, new Verified(fresh, reuseUntil));
        }
    }
}

package org.openpayer.bulkexport.file.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Which verifications are reused: a passed token, briefly and never past its expiry; never a failure. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);
    private final VerifiedTokens tokens = new VerifiedTokens(clock);
    private final AtomicInteger verifications = new AtomicInteger();

    @Test
    void get_sameTokenAgain_isVerifiedOnce() throws ParseException {
        // given
        JsonWebToken first = tokens.get("token-a", expiringIn(Duration.ofMinutes(5)));

        // when
        JsonWebToken again = tokens.get("token-a", expiringIn(Duration.ofMinutes(5)));

        // then
        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void get_afterTheLongestReuse_isVerifiedAgain() throws ParseException {
        // given
        tokens.get("token-a", expiringIn(Duration.ofMinutes(5)));

        // when
        clock.advance(VerifiedTokens.LONGEST_REUSE);
        tokens.get("token-a", expiringIn(Duration.ofMinutes(4)));

        // then
        assertThat(verifications).hasValue(2);
    }

    @Test
    void get_tokenThatExpiresSooner_isVerifiedAgainFromItsExpiry() throws ParseException {
        // given
        tokens.get("token-a", expiringIn(Duration.ofSeconds(10)));

        // when
        clock.advance(Duration.ofSeconds(9));
        tokens.get("token-a", expiringIn(Duration.ofSeconds(1)));
        clock.advance(Duration.ofSeconds(1));

        // then: at its expiry the cache no longer answers, so smallrye-jwt decides (and here refuses)
        assertThatThrownBy(() -> tokens.get("token-a", token -> {
            throw new ParseException("expired");
        })).isInstanceOf(ParseException.class);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void get_failedVerification_isNeverCached() {
        // given
        AtomicInteger failures = new AtomicInteger();
        VerifiedTokens.Verification refusing = token -> {
            failures.incrementAndGet();
            throw new ParseException("bad signature");
        };

        // then
        assertThatThrownBy(() -> tokens.get("forged", refusing)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.get("forged", refusing)).isInstanceOf(ParseException.class);
        assertThat(failures).hasValue(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void get_differentTokens_areVerifiedEach() throws ParseException {
        tokens.get("token-a", expiringIn(Duration.ofMinutes(5)));
        tokens.get("token-b", expiringIn(Duration.ofMinutes(5)));

        assertThat(verifications).hasValue(2);
    }

    @Test
    void get_whenFull_dropsExpiredEntriesAndKeepsWorking() throws ParseException {
        // given
        for (int i = 0; i < VerifiedTokens.MAX_TOKENS; i++) {
            tokens.get("token-" + i, expiringIn(Duration.ofMinutes(5)));
        }
        clock.advance(VerifiedTokens.LONGEST_REUSE);

        // when
        tokens.get("one-more", expiringIn(Duration.ofMinutes(5)));

        // then
        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void get_tokenWithoutExpiryOrTooLong_isNotKept() throws ParseException {
        tokens.get("no-expiry", token -> {
            verifications.incrementAndGet();
            return new FakeToken(0);
        });
        tokens.get("x".repeat(VerifiedTokens.MAX_TOKEN_LENGTH + 1), expiringIn(Duration.ofMinutes(5)));

        assertThat(tokens.size()).isZero();
    }

    /** A verification that passes, counting itself, with a token expiring {@code lifetime} from the clock's now. */
    private VerifiedTokens.Verification expiringIn(Duration lifetime) {
        return token -> {
            verifications.incrementAndGet();
            return new FakeToken(clock.instant().plus(lifetime).getEpochSecond());
        };
    }

    private record FakeToken(long expiry) implements JsonWebToken {
        @Override
        public String getName() {
            return "east-clinic";
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return "exp".equals(claimName) ? (T) Long.valueOf(expiry) : null;
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

package org.openpayer.bulkexport.attribution.payerpull.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

class RetryAfterTest {

    private static final Duration MAX = Duration.ofSeconds(30);
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void of_delaySeconds_isTaken() {
        assertThat(RetryAfter.of(Optional.of("5"), MAX, NOW)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void of_httpDate_isTheTimeUntilThen() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(12).atOffset(ZoneOffset.UTC));

        assertThat(RetryAfter.of(Optional.of(date), MAX, NOW)).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void of_outOfBounds_isClampedBetweenOneSecondAndTheMaximum() {
        assertThat(RetryAfter.of(Optional.of("0"), MAX, NOW)).isEqualTo(RetryAfter.MIN);
        assertThat(RetryAfter.of(Optional.of("7200"), MAX, NOW)).isEqualTo(MAX);
    }

    @Test
    void of_missingOrUnreadable_isTheDefault() {
        assertThat(RetryAfter.of(Optional.empty(), MAX, NOW)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryAfter.of(Optional.of("soon"), MAX, NOW)).isEqualTo(Duration.ofSeconds(2));
    }
}

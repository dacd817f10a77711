package org.openpayer.bulkexport.attribution.payerpull.remote;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long to wait before the next status poll: the server's {@code Retry-After} (delay seconds or an HTTP-date),
 * kept between one second (no busy polling whatever the server says) and the configured maximum (a server asking
 * for hours would stall the pull; its deadline still applies).
 */
final class RetryAfter {

    static final Duration MIN = Duration.ofSeconds(1);
    private static final Duration DEFAULT = Duration.ofSeconds(2);

    private RetryAfter() {
    }

    static Duration of(Optional<String> header, Duration max, Instant now) {
        Duration asked = header.map(value -> parse(value.trim(), now)).orElse(DEFAULT);
        if (asked.compareTo(MIN) < 0) {
            return MIN;
        }
        return asked.compareTo(max) > 0 ? max : asked;
    }

    private static Duration parse(String value, Instant now) {
        try {
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException notSeconds) {
            try {
                return Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException notADate) {
                return DEFAULT;
            }
        }
    }
}

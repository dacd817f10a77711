package org.openpayer.bulkexport.auth.keys;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How long a fetched JWKS may be reused, read from the {@code Cache-Control} of its response. SMART asks us not to
 * cache a client's keys longer than that header allows; without the header we use a default, and we never exceed a
 * ceiling, so a client's rotation always reaches us in bounded time.
 */
final class JwksCacheLifetime {

    private JwksCacheLifetime() {
    }

    /**
     * @param cacheControl every {@code Cache-Control} header value of the response
     * @param defaultTime  the lifetime when no directive says otherwise
     * @param maxTime      the ceiling
     */
    static Duration of(List<String> cacheControl, Duration defaultTime, Duration maxTime) {
        Duration lifetime = defaultTime;
        for (String header : cacheControl) {
            for (String rawDirective : header.split(",")) {
                String directive = rawDirective.trim().toLowerCase(Locale.ROOT);
                if (directive.equals("no-store") || directive.equals("no-cache")) {
                    return Duration.ZERO;
                }
                if (directive.startsWith("max-age=")) {
                    lifetime = maxAge(directive.substring("max-age=".length()));
                }
            }
        }
        return lifetime.compareTo(maxTime) > 0 ? maxTime : lifetime;
    }

    /** A max-age we cannot read allows no reuse: guessing longer could keep a revoked key alive. */
    private static Duration maxAge(String value) {
        try {
            long seconds = Long.parseLong(value.replace("\"", ""));
            return seconds <= 0 ? Duration.ZERO : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }
}

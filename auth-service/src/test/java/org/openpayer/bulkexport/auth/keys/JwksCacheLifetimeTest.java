package org.openpayer.bulkexport.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

class JwksCacheLifetimeTest {

    private static final Duration DEFAULT = Duration.ofMinutes(5);
    private static final Duration MAX = Duration.ofHours(1);

    @Test
    void of_maxAge_isUsed() {
        assertThat(lifetime("public, max-age=120")).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void of_maxAgeAboveTheCeiling_isCapped() {
        assertThat(lifetime("max-age=86400")).isEqualTo(MAX);
    }

    @Test
    void of_noHeader_isTheDefault() {
        assertThat(JwksCacheLifetime.of(List.of(), DEFAULT, MAX)).isEqualTo(DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-store", "no-cache", "max-age=600, No-Store", "max-age=0", "max-age=soon"})
    void of_directivesAllowingNoReuse_areZero(String header) {
        assertThat(lifetime(header)).isZero();
    }

    private static Duration lifetime(String header) {
        return JwksCacheLifetime.of(List.of(header), DEFAULT, MAX);
    }
}

package org.openpayer.bulkexport.file.download;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which Accept-Encoding headers let stored gzip go out as it is. */
class AcceptEncodingTest {

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "GZIP", "gzip, deflate", "deflate, gzip;q=0.5", "br;q=1.0, gzip;q=0.001", "*",
            "x-gzip", "gzip ; q=1", "gzip;Q=0.8", "identity, *;q=0.1", "gzip;q=1.000", "gzip;level=9;q=0.5"})
    void accepts_gzipWithPositiveQuality_isTrue(String header) {
        assertThat(AcceptEncoding.parse(header).accepts("gzip")).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "identity", "deflate, br", "gzip;q=0", "gzip;q=0.000", "gzip;q=0, *", "*;q=0",
            "gzip;q=2", "gzip;q=abc", "gzip;q=0.0001", "gzip;q=", "gzip, gzip;q=0", "x-gzip;q=0, gzip", "gzipx"})
    void accepts_gzipAbsentRefusedOrUnreadable_isFalse(String header) {
        assertThat(AcceptEncoding.parse(header).accepts("gzip")).isFalse();
    }
}

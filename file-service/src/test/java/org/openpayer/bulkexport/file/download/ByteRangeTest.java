package org.openpayer.bulkexport.file.download;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Range headers against a 1,000-byte file: served ranges, 416s, and everything that is ignored instead. */
class ByteRangeTest {

    private static final long SIZE = 1000;

    @ParameterizedTest
    @CsvSource({
            "bytes=0-99,       0,   99",
            "bytes=990-1200,   990, 999",
            "bytes=500-,       500, 999",
            "bytes=-100,       900, 999",
            "bytes=-5000,      0,   999",
            "bytes=999-999,    999, 999",
            "' bytes=0-0 ',    0,   0",
            "Bytes=10-19,      10,  19",
            "bytes=0-99999999999999999999999, 0, 999",
            "bytes=0000000000000000000000010-19, 10, 19"})
    void select_singleSatisfiableRange_isThatPart(String header, long first, long last) {
        // when
        ByteRange.Selection selection = ByteRange.select(header, SIZE);

        // then
        assertThat(selection).isEqualTo(new ByteRange.Part(new ByteRange(first, last)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=1000-2000", "bytes=-0", "bytes=99999999999999999999999-"})
    void select_rangeOutsideTheFile_isUnsatisfiable(String header) {
        assertThat(ByteRange.select(header, SIZE)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void select_anyRangeOfAnEmptyFile_isUnsatisfiable() {
        assertThat(ByteRange.select("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.select("bytes=-10", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "bytes=", "bytes=-", "bytes=5-1", "bytes=0-1,5-9", "bytes=0-1, 5-9", "bytes=0-1,",
            "items=0-9", "bytes=a-b", "bytes 0-9", "bytes=0-9;x", "bytes=--1", "bytes=+1-2", "0-9"})
    void select_noOrMalformedOrMultipleRanges_isWholeFile(String header) {
        assertThat(ByteRange.select(header, SIZE)).isEqualTo(ByteRange.WHOLE);
    }

    @Test
    void contentRange_namesRangeAndSize() {
        // given
        ByteRange range = new ByteRange(900, 999);

        // then
        assertThat(range.length()).isEqualTo(100);
        assertThat(range.contentRange(SIZE)).isEqualTo("bytes 900-999/1000");
    }
}

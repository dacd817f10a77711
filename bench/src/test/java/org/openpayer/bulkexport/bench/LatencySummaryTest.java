package org.openpayer.bulkexport.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

class LatencySummaryTest {

    @Test
    void of_oneToHundred_returnsNearestRankPercentiles() {
        // given
        long[] samples = LongStream.rangeClosed(1, 100).toArray();

        // when
        LatencySummary summary = LatencySummary.of(samples);

        // then
        assertThat(summary).isEqualTo(new LatencySummary(50, 95, 99, 100));
    }

    @Test
    void of_oneToThousand_returnsNearestRankPercentiles() {
        // given
        long[] samples = LongStream.rangeClosed(1, 1000).toArray();

        // when
        LatencySummary summary = LatencySummary.of(samples);

        // then
        assertThat(summary).isEqualTo(new LatencySummary(500, 950, 990, 1000));
    }

    @Test
    void of_unsortedSamples_sortsACopyAndLeavesTheInputAlone() {
        // given
        long[] samples = {9, 3, 7, 1, 5};

        // when
        LatencySummary summary = LatencySummary.of(samples);

        // then
        assertThat(summary).isEqualTo(new LatencySummary(5, 9, 9, 9));
        assertThat(samples).containsExactly(9, 3, 7, 1, 5);
    }

    @Test
    void of_fewerSamplesThanAHundred_roundsTheRankUp() {
        // given ten samples: p95 and p99 both need rank 10 (9.5 and 9.9 round up), p50 rank 5
        long[] samples = LongStream.rangeClosed(10, 100).filter(v -> v % 10 == 0).toArray();

        // when
        LatencySummary summary = LatencySummary.of(samples);

        // then
        assertThat(summary).isEqualTo(new LatencySummary(50, 100, 100, 100));
    }

    @Test
    void of_singleSample_reportsItEverywhere() {
        assertThat(LatencySummary.of(new long[] {42})).isEqualTo(new LatencySummary(42, 42, 42, 42));
    }

    @Test
    void of_outlierInTheTopPercent_showsOnlyInTheMax() {
        // given 999 fast requests and one slow one
        long[] samples = LongStream.concat(LongStream.generate(() -> 2).limit(999), LongStream.of(5_000)).toArray();

        // when
        LatencySummary summary = LatencySummary.of(samples);

        // then
        assertThat(summary.p99()).isEqualTo(2);
        assertThat(summary.max()).isEqualTo(5_000);
    }

    @Test
    void percentile_wholePercentOfARoundCount_isExactlyThatRank() {
        // 7 / 100.0 * 100 is 7.000000000000001 in floating point; the rank must still be 7, not 8
        long[] sorted = LongStream.rangeClosed(1, 100).toArray();

        assertThat(LatencySummary.percentile(sorted, 7)).isEqualTo(7);
    }

    @Test
    void percentile_hundred_isTheMaximum() {
        assertThat(LatencySummary.percentile(new long[] {1, 2, 3}, 100)).isEqualTo(3);
    }

    @Test
    void percentile_tiny_isTheMinimum() {
        assertThat(LatencySummary.percentile(new long[] {1, 2, 3}, 0.001)).isEqualTo(1);
    }

    @Test
    void percentile_outsideZeroToHundred_isRefused() {
        long[] sorted = {1, 2, 3};

        assertThatThrownBy(() -> LatencySummary.percentile(sorted, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencySummary.percentile(sorted, 100.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void of_noSamples_isRefused() {
        assertThatThrownBy(() -> LatencySummary.of(new long[0])).isInstanceOf(IllegalArgumentException.class);
    }
}

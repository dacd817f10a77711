package org.openpayer.bulkexport.bench;

import java.util.Arrays;

/**
 * The latency percentiles a run reports, in nanoseconds. Percentiles use the nearest-rank method (the smallest
 * sample with at least p % of the samples at or below it), so every reported value is a latency that was really
 * measured, and p100 is the maximum.
 */
record LatencySummary(long p50, long p95, long p99, long max) {

    /** Summarizes the samples without changing the caller's array. */
    static LatencySummary of(long[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no latency samples");
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new LatencySummary(percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /**
     * @param sorted  samples in ascending order, at least one
     * @param percent in (0, 100]
     */
    static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("a percentile must be in (0, 100]: " + percent);
        }
        // Rank 1..n. Multiplying before dividing keeps whole percents exact: 7 / 100.0 * 100 is
        // 7.000000000000001, which would round up to the wrong rank.
        int rank = (int) Math.ceil(percent * sorted.length / 100.0);
        return sorted[Math.max(rank, 1) - 1];
    }
}

package org.openpayer.bulkexport.bench;

/**
 * Keeps every request's latency, one slot per request. Each request index is taken by exactly one worker, so workers
 * write distinct slots without locks; the runner reads them only after every worker has finished.
 */
final class LatencyRecorder {

    private final long[] nanos;

    LatencyRecorder(int requests) {
        this.nanos = new long[requests];
    }

    void record(int request, long latencyNanos) {
        nanos[request] = latencyNanos;
    }

    LatencySummary summary() {
        return LatencySummary.of(nanos);
    }
}

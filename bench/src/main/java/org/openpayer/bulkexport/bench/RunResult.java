package org.openpayer.bulkexport.bench;

import java.time.Duration;
import java.util.List;

/**
 * What one measured run of one algorithm produced.
 *
 * @param algorithm    the client assertions' signing algorithm, e.g. ES384
 * @param requests     requests sent
 * @param errors       requests not answered 200 (including transport failures)
 * @param wall         from the first request's start to the last answer
 * @param latency      per-request latency percentiles, errors included
 * @param errorSamples the first few errors, for the operator to see why
 */
record RunResult(String algorithm, int requests, int errors, Duration wall, LatencySummary latency,
                 List<String> errorSamples) {

    RunResult {
        errorSamples = List.copyOf(errorSamples);
    }

    /** Tokens issued per wall-clock second. */
    double tokensPerSecond() {
        return (requests - errors) / (wall.toNanos() / 1e9);
    }
}

package org.openpayer.bulkexport.bench;

import java.util.List;
import java.util.Locale;

/**
 * Renders the runs as Markdown, ready to paste into an issue or pull request: one table row per algorithm, then the
 * machine and the load settings, without which the numbers cannot be compared.
 */
final class BenchmarkReport {

    private BenchmarkReport() {
    }

    static String markdown(List<RunResult> runs, BenchOptions options, MachineFacts machine) {
        StringBuilder out = new StringBuilder();
        out.append("## auth-service token endpoint\n\n");
        out.append("| Algorithm | Requests | Errors | Wall s | Tokens/s | p50 ms | p95 ms | p99 ms | Max ms |\n");
        out.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (RunResult run : runs) {
            out.append(format("| %s | %d | %d | %.2f | %.1f | %s | %s | %s | %s |%n", run.algorithm(),
                    run.requests(), run.errors(), run.wall().toNanos() / 1e9, run.tokensPerSecond(),
                    millis(run.latency().p50()), millis(run.latency().p95()), millis(run.latency().p99()),
                    millis(run.latency().max())));
        }
        out.append('\n');
        out.append(format("- Machine: %d cores (availableProcessors), Java %s, %s%n",
                machine.cores(), machine.java(), machine.os()));
        out.append(format("- Load: %d concurrent HTTP/1.1 requests; %d measured after %d warm-up per algorithm; "
                + "assertions pre-signed; fresh database%n", options.concurrency(), options.requests(),
                options.warmup()));
        out.append(format("- auth-service JVM: `%s`; load generator, auth-service and PostgreSQL share the cores%n",
                options.authJvmOptions()));
        for (RunResult run : runs) {
            for (String sample : run.errorSamples()) {
                out.append("- ").append(run.algorithm()).append(" error: ").append(sample).append('\n');
            }
        }
        return out.toString();
    }

    private static String millis(long nanos) {
        return format("%.2f", nanos / 1e6);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}

package org.openpayer.bulkexport.bench;

import org.openpayer.bulkexport.smartclient.ClientKey;
import org.openpayer.bulkexport.stack.infra.ProjectLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures auth-service's SMART Backend Services token endpoint: throughput and latency for ES384 and for RS384
 * client assertions, the two algorithms SMART clients use. Prints a Markdown report and exits non-zero if any
 * request failed, so a broken endpoint never passes for a fast one. Run it with bench/token-endpoint.sh.
 */
public final class TokenEndpointBenchmark {

    private TokenEndpointBenchmark() {
    }

    public static void main(String[] args) {
        if (BenchOptions.wantsHelp(args)) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        int status;
        try {
            status = run(options);
        } catch (RuntimeException e) {
            System.err.println("benchmark failed:");
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    /** Runs both algorithms against one auth-service and returns the exit status. Everything stops on return. */
    private static int run(BenchOptions options) {
        ProjectLayout layout = ProjectLayout.locate();
        Path workDir = freshWorkDir(layout.root().resolve("bench/target/bench-work"));
        List<RunResult> results = new ArrayList<>();
        log("starting PostgreSQL and auth-service in " + workDir);
        try (AuthServiceUnderLoad auth = AuthServiceUnderLoad.start(layout, workDir, options.authJvmOptions())) {
            LoadRunner runner = new LoadRunner(options.concurrency());
            for (ClientKey key : List.of(ClientKey.es384("bench-es384"), ClientKey.rs384("bench-rs384"))) {
                results.add(measure(auth, runner, key, options));
            }
            log("auth-service log: " + auth.log());
        }
        System.out.println();
        System.out.print(BenchmarkReport.markdown(results, options, MachineFacts.current()));
        int errors = results.stream().mapToInt(RunResult::errors).sum();
        if (errors > 0) {
            System.err.println(errors + " token requests failed; the numbers above are not valid");
            return 1;
        }
        return 0;
    }

    /**
     * Warm-up, then the measured run, each with assertions signed just before it: an assertion lives five minutes,
     * so signing the measured batch after the warm-up leaves the measured run all of that time.
     */
    private static RunResult measure(AuthServiceUnderLoad auth, LoadRunner runner, ClientKey key,
                                     BenchOptions options) {
        String algorithm = key.algorithm();
        TokenRequests requests = new TokenRequests(key, auth.registerClient(key), auth.tokenUrl());
        if (options.warmup() > 0) {
            log(algorithm + ": signing " + options.warmup() + " warm-up assertions");
            RunResult warmup = runner.run(algorithm, requests.presign(options.warmup()));
            log(algorithm + ": warm-up done, " + Math.round(warmup.tokensPerSecond()) + " tokens/s");
            if (warmup.errors() > 0) {
                throw new IllegalStateException(algorithm + " warm-up had " + warmup.errors() + " errors, e.g. "
                        + warmup.errorSamples());
            }
        }
        log(algorithm + ": signing " + options.requests() + " assertions");
        List<HttpRequest> measured = requests.presign(options.requests());
        // Collect the signing's garbage now rather than during the timed run.
        System.gc();
        log(algorithm + ": measuring " + options.requests() + " requests at concurrency " + options.concurrency());
        RunResult result = runner.run(algorithm, measured);
        log(algorithm + ": " + Math.round(result.tokensPerSecond()) + " tokens/s, " + result.errors() + " errors");
        return result;
    }

    /** Deletes the previous run's database and logs, keeping the unpacked PostgreSQL binaries to save time. */
    private static Path freshWorkDir(Path workDir) {
        for (String stale : List.of("postgres-data", "logs")) {
            Path dir = workDir.resolve(stale);
            if (Files.exists(dir)) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot clear " + dir, e);
                }
            }
        }
        return workDir;
    }

    private static void log(String message) {
        System.err.println("[bench] " + message);
    }
}

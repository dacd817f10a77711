package org.openpayer.bulkexport.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends prepared requests with a fixed number of workers, each sending its next request as soon as the previous one
 * is answered (a closed loop, as token clients behave), and times each request. One HTTP/1.1 client serves every run,
 * so the measured run reuses the keep-alive connections the warm-up opened.
 */
final class LoadRunner {

    private static final int ERROR_SAMPLES = 3;
    private static final int ERROR_BODY_CHARS = 300;

    private final int concurrency;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    LoadRunner(int concurrency) {
        this.concurrency = concurrency;
    }

    /** Sends each request once, at most {@code concurrency} at a time, and returns the run's numbers. */
    RunResult run(String algorithm, List<HttpRequest> requests) {
        LatencyRecorder latencies = new LatencyRecorder(requests.size());
        Errors errors = new Errors();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                running.add(workers.submit(() -> work(requests, next, go, latencies, errors)));
            }
            // The clock starts once every worker exists, so thread start-up is not measured.
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> worker : running) {
                worker.get();
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            return new RunResult(algorithm, requests.size(), errors.count.get(), wall, latencies.summary(),
                    errors.samples());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the " + algorithm + " run", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a load worker failed", e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    private Void work(List<HttpRequest> requests, AtomicInteger next, CountDownLatch go, LatencyRecorder latencies,
                      Errors errors) throws InterruptedException {
        go.await();
        for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
            long start = System.nanoTime();
            try {
                // The body is read in full, as a client must to get its token.
                HttpResponse<String> response = http.send(requests.get(i), HttpResponse.BodyHandlers.ofString());
                latencies.record(i, System.nanoTime() - start);
                if (response.statusCode() != 200) {
                    errors.add("HTTP " + response.statusCode() + ": " + response.body());
                }
            } catch (IOException e) {
                latencies.record(i, System.nanoTime() - start);
                errors.add(e.toString());
            }
        }
        return null;
    }

    /** Counts failures and keeps the first few, shortened, for the report. */
    private static final class Errors {
        private final AtomicInteger count = new AtomicInteger();
        private final List<String> samples = new ArrayList<>();

        void add(String description) {
            count.incrementAndGet();
            synchronized (samples) {
                if (samples.size() < ERROR_SAMPLES) {
                    samples.add(description.length() > ERROR_BODY_CHARS
                            ? description.substring(0, ERROR_BODY_CHARS) + "..." : description);
                }
            }
        }

        List<String> samples() {
            synchronized (samples) {
                return List.copyOf(samples);
            }
        }
    }
}

package org.openpayer.bulkexport.attribution.payerpull.remote;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read timeouts for other payers' response bodies, which the JDK HTTP client does not have (its request timeout ends
 * when the headers arrive): every second, bodies that stalled or outlived their deadline are closed, so a server that
 * stops sending mid-body cannot hold a pull forever.
 */
@ApplicationScoped
public class BodyWatchdog {

    private final Set<GuardedBody> watched = ConcurrentHashMap.newKeySet();

    GuardedBody watch(InputStream body, Duration stall, Instant deadline) {
        GuardedBody guarded = new GuardedBody(body, this, stall, deadline);
        watched.add(guarded);
        return guarded;
    }

    void release(GuardedBody body) {
        watched.remove(body);
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void stopOverdueBodies() {
        long nowNanos = System.nanoTime();
        Instant now = Instant.now();
        watched.forEach(body -> body.stopIfOverdue(nowNanos, now));
    }
}

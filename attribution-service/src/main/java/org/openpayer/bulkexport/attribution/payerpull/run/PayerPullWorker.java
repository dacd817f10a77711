package org.openpayer.bulkexport.attribution.payerpull.run;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.openpayer.bulkexport.attribution.config.AttributionConfig;
import org.openpayer.bulkexport.attribution.payerpull.task.PayerPull;
import org.openpayer.bulkexport.attribution.payerpull.task.PayerPullRepository;
import org.openpayer.bulkexport.attribution.payerpull.task.PullLease;

import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Finds pulls to run and runs them, on every instance: while it has room (its concurrency), it claims the oldest
 * runnable pull from the database and runs it on a thread of its own. Pulls are state in the database, not in
 * memory, so any instance can take any pull, several instances share the work, and a pull whose instance died is
 * taken over once its lease runs out. At shutdown running pulls are interrupted and handed back.
 */
@ApplicationScoped
public class PayerPullWorker {

    private static final Logger LOG = Logger.getLogger(PayerPullWorker.class);
    private static final long SHUTDOWN_WAIT_SECONDS = 10;

    private final PayerPullRepository pulls;
    private final PayerPullRunner runner;
    private final AttributionConfig.PayerPull config;
    private final String instance = "attribution-" + UUID.randomUUID();
    private final AtomicInteger running = new AtomicInteger();
    private final ExecutorService threads;
    private volatile boolean stopping;

    public PayerPullWorker(PayerPullRepository pulls, PayerPullRunner runner, AttributionConfig config) {
        this.pulls = pulls;
        this.runner = runner;
        this.config = config.payerPull();
        AtomicInteger names = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(this.config.concurrency(), task -> {
            Thread thread = new Thread(task, "payer-pull-" + names.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(every = "${attribution.payer-pull.claim-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void claimPulls() {
        if (!config.workerEnabled()) {
            return;
        }
        try {
            while (!stopping && running.get() < config.concurrency()) {
                Optional<PayerPull> claimed = pulls.claim(instance, config.lease());
                if (claimed.isEmpty()) {
                    return;
                }
                PayerPull pull = claimed.get();
                LOG.infof("payer pull %s claimed by %s (attempt %d)", pull.id(), instance, pull.attempts());
                running.incrementAndGet();
                threads.execute(() -> {
                    try {
                        runner.run(pull, new PullLease(pull.id(), instance), () -> stopping);
                    } finally {
                        running.decrementAndGet();
                    }
                });
            }
        } catch (SQLException e) {
            LOG.warnf("cannot look for payer pulls to run: %s", e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        threads.shutdownNow();
        if (!threads.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
            LOG.warn("payer pulls still running at shutdown resume elsewhere when their leases expire");
        }
    }
}

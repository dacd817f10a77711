package org.openpayer.bulkexport.attribution.membermatch;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.openpayer.bulkexport.attribution.config.AttributionConfig;
import org.openpayer.bulkexport.attribution.write.JdbcTransaction;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs {@code $bulk-member-match} jobs on every instance: each tick matches waiting members one transaction each
 * (claimed with skip-locked row locks, so instances share the work and a member is never matched twice), completes
 * the jobs whose members are all decided, and purges finished jobs past their retention. Nothing lives in memory
 * between ticks: a job survives any instance stopping, and another carries on where it was.
 *
 * <p>A client at its failed-match limit does not fail its job: the job waits until the limit lets it go on, which is
 * the limit's point (bulk guesses are slowed down exactly like single ones).
 */
@ApplicationScoped
public class BulkMatchWorker {

    private static final Logger LOG = Logger.getLogger(BulkMatchWorker.class);
    /** Members matched between two looks for jobs to complete, so a small job is not held behind a large one. */
    private static final int COMPLETE_EVERY = 100;

    private final JdbcTransaction transaction;
    private final BulkMatchQueue queue;
    private final FailedMatchThrottle throttle;
    private final BulkMemberMatcher matcher;
    private final BulkMatchCompletion completion;
    private final Duration retention;

    public BulkMatchWorker(JdbcTransaction transaction, BulkMatchQueue queue, FailedMatchThrottle throttle,
                           BulkMemberMatcher matcher, BulkMatchCompletion completion, AttributionConfig config) {
        this.transaction = transaction;
        this.queue = queue;
        this.throttle = throttle;
        this.matcher = matcher;
        this.completion = completion;
        this.retention = config.memberMatch().bulk().retention();
    }

    @Scheduled(every = "${attribution.member-match.bulk.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void work() {
        try {
            boolean matched;
            int count = 0;
            do {
                matched = matchNext();
                if (!matched || ++count % COMPLETE_EVERY == 0) {
                    completeAll();
                }
            } while (matched);
            transaction.run(connection -> queue.purge(connection, retention));
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("bulk member-match work failed, retrying on the next tick: %s", e.toString());
        }
    }

    /** A member that waited and what became of it. */
    private sealed interface Step {
        record Decided() implements Step {
        }

        record Paused(UUID jobId, Duration forHowLong) implements Step {
        }
    }

    /**
     * Decides the next waiting member, if any. A member that cannot be processed at all (stored input no longer
     * readable: a defect, never bad input, which the kick-off refused) fails its job rather than being retried for
     * ever.
     *
     * @return false when no member waits
     */
    boolean matchNext() throws SQLException {
        AtomicReference<BulkMatchQueue.WaitingMember> claimed = new AtomicReference<>();
        Optional<Step> step;
        try {
            step = transaction.run(connection -> {
                Optional<BulkMatchQueue.WaitingMember> waiting = queue.claimWaiting(connection);
                if (waiting.isEmpty()) {
                    return Optional.empty();
                }
                BulkMatchQueue.WaitingMember member = waiting.get();
                claimed.set(member);
                Optional<Duration> blocked = throttle.blockedFor(connection, member.clientId());
                if (blocked.isPresent()) {
                    return Optional.of(new Step.Paused(member.jobId(), blocked.get()));
                }
                queue.recordOutcome(connection, member, matcher.decide(connection, member));
                return Optional.of(new Step.Decided());
            });
        } catch (RuntimeException e) {
            if (claimed.get() == null) {
                throw e;
            }
            BulkMatchQueue.WaitingMember member = claimed.get();
            LOG.errorf(e, "bulk member-match %s: member %d cannot be processed", member.jobId(), member.seq());
            transaction.run(connection -> {
                queue.fail(connection, member.jobId(), "MemberBundle " + member.seq() + " could not be processed.");
                return null;
            });
            return true;
        }
        if (step.isPresent() && step.get() instanceof Step.Paused paused) {
            // paused in a transaction of its own: the member's row lock is released, so a DELETE never deadlocks
            transaction.run(connection -> {
                queue.pause(connection, paused.jobId(), paused.forHowLong());
                return null;
            });
        }
        return step.isPresent();
    }

    private void completeAll() throws SQLException {
        while (completion.completeNext()) {
            // one job per transaction, until none is ready
        }
    }
}

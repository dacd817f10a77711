package org.openpayer.bulkexport.attribution.payerpull.run;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.openpayer.bulkexport.attribution.config.AttributionConfig;
import org.openpayer.bulkexport.attribution.payerpull.PullDeadline;
import org.openpayer.bulkexport.attribution.payerpull.PullFailure;
import org.openpayer.bulkexport.attribution.payerpull.PullOutcome;
import org.openpayer.bulkexport.attribution.payerpull.PullStep;
import org.openpayer.bulkexport.attribution.payerpull.registry.PrivateKeySource;
import org.openpayer.bulkexport.attribution.payerpull.registry.RemotePayer;
import org.openpayer.bulkexport.attribution.payerpull.registry.RemotePayerRepository;
import org.openpayer.bulkexport.attribution.payerpull.remote.RemoteHttpClient;
import org.openpayer.bulkexport.attribution.payerpull.remote.RemoteSession;
import org.openpayer.bulkexport.attribution.payerpull.task.LeaseLost;
import org.openpayer.bulkexport.attribution.payerpull.task.PayerPull;
import org.openpayer.bulkexport.attribution.payerpull.task.PayerPullRepository;
import org.openpayer.bulkexport.attribution.payerpull.task.PullLease;
import org.openpayer.bulkexport.smartclient.ClientKey;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Runs one claimed pull to its end and decides what its end is: completed (the import's transaction did that),
 * failed with the reason its step gave, or handed back unchanged, when the instance shuts down (a shutdown pauses a
 * pull, never fails it) or lost the pull to another instance. A pull claimed more often than allowed (its instances
 * keep dying) fails instead of looping.
 */
@ApplicationScoped
public class PayerPullRunner {

    private static final Logger LOG = Logger.getLogger(PayerPullRunner.class);

    private final PullSteps steps;
    private final PayerPullRepository pulls;
    private final RemotePayerRepository payers;
    private final PrivateKeySource keys;
    private final RemoteHttpClient http;
    private final AttributionConfig.PayerPull config;

    public PayerPullRunner(PullSteps steps, PayerPullRepository pulls, RemotePayerRepository payers,
                           PrivateKeySource keys, RemoteHttpClient http, AttributionConfig config) {
        this.steps = steps;
        this.pulls = pulls;
        this.payers = payers;
        this.keys = keys;
        this.http = http;
        this.config = config.payerPull();
    }

    /** Runs {@code pull}; {@code stopping} tells whether the instance is shutting down. */
    void run(PayerPull pull, PullLease lease, BooleanSupplier stopping) {
        PullHeartbeat heartbeat = new PullHeartbeat(pulls, lease, config.lease());
        try {
            if (pull.attempts() > config.maxAttempts()) {
                throw new PullFailure(pull.step() == null ? PullStep.TOKEN : pull.step(), "The pull was started "
                        + config.maxAttempts() + " times without finishing (its instances stopped); start a new "
                        + "pull.");
            }
            RemotePayer payer = payers.find(pull.remotePayerId()).orElseThrow();
            RemoteSession session = new RemoteSession(payer, key(payer), http);
            PullDeadline deadline = new PullDeadline(pull.times().started().plus(config.timeout()), config.timeout());
            PullOutcome outcome = steps.run(new PullSteps.Running(pull, lease, session, deadline), heartbeat);
            LOG.infof("payer pull %s completed: imported %s, unchanged %s, deleted %s", pull.id(),
                    outcome.imported(), outcome.unchanged(), outcome.deleted());
        } catch (LeaseLost e) {
            LOG.infof("payer pull %s: %s", pull.id(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handBack(lease);
        } catch (PullFailure e) {
            if (stopping.getAsBoolean()) {
                handBack(lease);
            } else {
                fail(lease, e.step(), e.getMessage());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "payer pull %s stopped by an unexpected error while %s", pull.id(),
                    heartbeat.current().description());
            if (!stopping.getAsBoolean()) {
                fail(lease, heartbeat.current(), "An unexpected error stopped the pull while "
                        + heartbeat.current().description() + " (" + e.getClass().getSimpleName() + "; details in "
                        + "the service log). Nothing was imported; start a new pull.");
            }
        }
    }

    private ClientKey key(RemotePayer payer) {
        try {
            return keys.load(payer.privateKeyRef());
        } catch (PrivateKeySource.UnavailableKeyException e) {
            throw new PullFailure(PullStep.TOKEN, "Our private key for " + payer.name() + " cannot be used: "
                    + e.getMessage());
        }
    }

    private void fail(PullLease lease, PullStep step, String reason) {
        try {
            pulls.fail(lease, step, reason);
            LOG.infof("payer pull %s failed while %s: %s", lease.pullId(), step.description(), reason);
        } catch (LeaseLost e) {
            LOG.infof("payer pull %s: %s", lease.pullId(), e.getMessage());
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "payer pull %s could not be marked failed; its lease will expire and it runs again",
                    lease.pullId());
        }
    }

    /** Leaves the pull in progress without an owner, so the next instance looking for work resumes it at once. */
    private void handBack(PullLease lease) {
        try {
            pulls.release(lease);
            LOG.infof("payer pull %s handed back for another instance to resume", lease.pullId());
        } catch (SQLException | RuntimeException e) {
            LOG.infof("payer pull %s not handed back (%s); it resumes when its lease expires", lease.pullId(), e);
        }
    }
}

package org.openpayer.bulkexport.attribution.payerpull.run;

import org.openpayer.bulkexport.attribution.payerpull.PullProgress;
import org.openpayer.bulkexport.attribution.payerpull.PullStep;
import org.openpayer.bulkexport.attribution.payerpull.task.PayerPullRepository;
import org.openpayer.bulkexport.attribution.payerpull.task.PullLease;

import java.sql.SQLException;
import java.time.Duration;

/**
 * A running pull's progress reports: each records the step on the Task and renews the lease, and the last step
 * reported is where an unexpected error is said to have happened.
 */
final class PullHeartbeat implements PullProgress {

    private final PayerPullRepository pulls;
    private final PullLease lease;
    private final Duration leaseTime;
    private volatile PullStep current = PullStep.TOKEN;

    PullHeartbeat(PayerPullRepository pulls, PullLease lease, Duration leaseTime) {
        this.pulls = pulls;
        this.lease = lease;
        this.leaseTime = leaseTime;
    }

    @Override
    public void report(PullStep step, String progress) {
        current = step;
        try {
            pulls.heartbeat(lease, leaseTime, step, progress);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the progress of payer pull " + lease.pullId(), e);
        }
    }

    PullStep current() {
        return current;
    }
}

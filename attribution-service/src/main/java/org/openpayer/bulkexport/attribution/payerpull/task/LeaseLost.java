package org.openpayer.bulkexport.attribution.payerpull.task;

/**
 * The pull is no longer this instance's to run: it stalled past its lease and another instance took it over (or it
 * ended meanwhile). The instance stops working on it without writing anything.
 */
public class LeaseLost extends RuntimeException {

    LeaseLost(PullLease lease) {
        super("payer pull " + lease.pullId() + " is no longer held by " + lease.instance());
    }
}

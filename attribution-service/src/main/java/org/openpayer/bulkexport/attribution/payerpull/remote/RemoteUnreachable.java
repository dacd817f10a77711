package org.openpayer.bulkexport.attribution.payerpull.remote;

import org.openpayer.bulkexport.attribution.payerpull.PullFailure;
import org.openpayer.bulkexport.attribution.payerpull.PullStep;

/**
 * The old payer could not be reached or did not answer in time: a failure, unless the caller can safely ask again
 * (status polls retry a few times before giving up).
 */
public class RemoteUnreachable extends PullFailure {

    RemoteUnreachable(PullStep step, String message) {
        super(step, message);
    }
}

package org.openpayer.bulkexport.attribution.payerpull.remote;

import org.openpayer.bulkexport.attribution.payerpull.PullFailure;
import org.openpayer.bulkexport.attribution.payerpull.PullStep;

/**
 * The old payer no longer knows an export (404 on its status URL): expired or deleted. A pull resuming an export it
 * started before a restart kicks off a new one; otherwise this fails the pull.
 */
public class ExportGone extends PullFailure {

    ExportGone(String statusUrl) {
        super(PullStep.EXPORT, "The old payer no longer knows the export " + statusUrl + " (HTTP 404).");
    }
}

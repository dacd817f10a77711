package org.openpayer.bulkexport.attribution.payerpull.remote;

import org.openpayer.bulkexport.attribution.payerpull.PullStep;

import java.net.http.HttpRequest;
import java.util.Set;

/**
 * One request to another payer.
 *
 * @param step    the pull step it serves, which its failures are reported for
 * @param what    what it does, for messages ("the export kick-off")
 * @param request the request; its URL must be on one of {@code origins}
 * @param origins where this payer may be called ({@code scheme://host:port}), as registered
 */
record RemoteCall(PullStep step, String what, HttpRequest request, Set<String> origins) {
}

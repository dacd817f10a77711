package org.openpayer.bulkexport.attribution.payerpull.remote;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.openpayer.bulkexport.attribution.config.AttributionConfig;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.attribution.payerpull.PullDeadline;
import org.openpayer.bulkexport.attribution.payerpull.PullFailure;
import org.openpayer.bulkexport.attribution.payerpull.PullProgress;
import org.openpayer.bulkexport.attribution.payerpull.PullRequest;
import org.openpayer.bulkexport.attribution.payerpull.PullStep;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The Bulk Data client side of a pull: kick-off (202 and a status URL), polling as {@code Retry-After} asks (within
 * bounds and never past the pull's deadline; a few network failures in a row are retried, since polling is safe to
 * repeat), and, when the files are in, a {@code DELETE} telling the old payer it may drop them.
 */
@ApplicationScoped
public class RemoteExport {

    private static final Logger LOG = Logger.getLogger(RemoteExport.class);
    private static final int MAX_UNREACHABLE_POLLS = 3;
    private static final int MAX_PROGRESS_CHARS = 100;

    private final FhirJson fhir;
    private final Duration maxPollInterval;

    public RemoteExport(FhirJson fhir, AttributionConfig config) {
        this.fhir = fhir;
        this.maxPollInterval = config.payerPull().maxPollInterval();
    }

    /** Kicks off the export of the member's data; returns its absolute status URL. */
    public String kickOff(RemoteSession session, String remotePatientId, PullRequest.BulkParameters bulk)
            throws InterruptedException {
        RemoteExportRequest request = RemoteExportRequest.forMember(remotePatientId, bulk);
        String url = session.payer().fhirBaseUrl() + request.path();
        String what = "The export kick-off at " + url;
        RemoteResponse response = session.postFhir(PullStep.EXPORT, what, url,
                fhir.compactWriter().encodeResourceToString(request.parameters()),
                Map.of("Prefer", "respond-async"));
        if (response.status() != 202) {
            throw response.refusal(PullStep.EXPORT, what);
        }
        String location = response.header("Content-Location").orElseThrow(() -> new PullFailure(PullStep.EXPORT,
                what + ": the old payer accepted it (202) but gave no Content-Location to poll."));
        try {
            return response.uri().resolve(location).toString();
        } catch (IllegalArgumentException e) {
            throw new PullFailure(PullStep.EXPORT, what + ": the Content-Location is not a URL: " + location);
        }
    }

    /** Polls the status URL until the manifest is ready, reporting the server's {@code X-Progress} as it goes. */
    public ExportManifest awaitManifest(RemoteSession session, String statusUrl, PullDeadline deadline,
                                        PullProgress progress) throws InterruptedException {
        String what = "The export at the old payer";
        int unreachable = 0;
        while (true) {
            if (deadline.passed()) {
                throw deadline.exceeded(PullStep.EXPORT);
            }
            RemoteResponse response;
            try {
                response = session.get(PullStep.EXPORT, "The export status request " + statusUrl, statusUrl,
                        "application/json");
                unreachable = 0;
            } catch (RemoteUnreachable e) {
                if (++unreachable >= MAX_UNREACHABLE_POLLS) {
                    throw e;
                }
                LOG.infof("export status %s unreachable (%d of %d): %s", statusUrl, unreachable,
                        MAX_UNREACHABLE_POLLS, e.getMessage());
                pause(RetryAfter.of(Optional.empty(), maxPollInterval, Instant.now()), deadline);
                continue;
            }
            switch (response.status()) {
                case 200 -> {
                    return ExportManifest.parse(response.json(PullStep.EXPORT), URI.create(statusUrl));
                }
                case 202, 429 -> {
                    progress.report(PullStep.EXPORT, response.header("X-Progress")
                            .map(text -> text.length() > MAX_PROGRESS_CHARS ? text.substring(0, MAX_PROGRESS_CHARS)
                                    : text)
                            .orElse(null));
                    pause(RetryAfter.of(response.header("Retry-After"), maxPollInterval, Instant.now()), deadline);
                }
                case 404 -> throw new ExportGone(statusUrl);
                default -> throw response.refusal(PullStep.EXPORT, what);
            }
        }
    }

    /**
     * Tells the old payer the files are no longer needed (Bulk Data: {@code DELETE} on the status URL), so it can
     * drop them early. Courtesy only: the pull's outcome does not depend on it, so failures are logged.
     */
    public void release(RemoteSession session, String statusUrl) {
        try {
            RemoteResponse response = session.delete(PullStep.DOWNLOAD, "The export release", statusUrl);
            if (response.status() / 100 != 2) {
                LOG.infof("the old payer answered HTTP %d to DELETE %s", response.status(), statusUrl);
            }
        } catch (PullFailure e) {
            LOG.infof("could not release the export %s at the old payer: %s", statusUrl, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(Duration wait, PullDeadline deadline) throws InterruptedException {
        Duration remaining = deadline.remaining();
        Thread.sleep(Math.max(0, (wait.compareTo(remaining) < 0 ? wait : remaining).toMillis()));
    }
}

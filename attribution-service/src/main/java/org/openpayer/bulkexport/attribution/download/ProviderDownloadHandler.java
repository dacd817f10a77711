package org.openpayer.bulkexport.attribution.download;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.openpayer.bulkexport.model.event.ExportCompleted;

import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads export-completed and books the provider-download exports among them. The channel runs only while
 * {@code attribution.pdex.download-bookkeeping} is on (PDex 2.1, the default); PDex 2.2 deployments turn it off and
 * keep no consumer. A database failure is thrown on: the record stays uncommitted, the channel stops and health
 * reports it, and the restarted service books the job when it reads the record again. Anything else wrong with one
 * job (say, a stored Group that no longer parses) is logged and skipped, so one job cannot stop every later booking.
 */
@ApplicationScoped
public class ProviderDownloadHandler {

    private static final Logger LOG = Logger.getLogger(ProviderDownloadHandler.class);

    private final ProviderDownloadService bookkeeping;

    public ProviderDownloadHandler(ProviderDownloadService bookkeeping) {
        this.bookkeeping = bookkeeping;
    }

    @Incoming("completed-exports")
    @Blocking
    public void completed(ExportCompleted event) throws SQLException {
        if (event == null) {
            LOG.warn("skipped an unreadable export-completed record");
            return;
        }
        Optional<ProviderDownload> download = ProviderDownload.of(event);
        if (download.isEmpty()) {
            return;
        }
        try {
            OptionalLong version = bookkeeping.book(download.get());
            if (version.isPresent()) {
                LOG.infof("provider-download %s booked on Group/%s in version %d", event.jobId(),
                        download.get().groupId(), version.getAsLong());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "provider-download %s of Group/%s could not be booked; skipped", event.jobId(),
                    download.get().groupId());
        }
    }
}

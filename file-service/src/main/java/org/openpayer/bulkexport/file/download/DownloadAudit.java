package org.openpayer.bulkexport.file.download;

import io.agroal.api.AgroalDataSource;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.openpayer.bulkexport.model.storage.ExportFileNames.ExportFile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The download audit in {@code files.download_audit}: who downloaded which file, when, and how many bytes went out.
 * A row is inserted before the first byte is sent and finished after the last one (or the abort), so no file leaves
 * without a record: if the audit cannot be written the download fails, and a row a crash left unfinished still shows
 * who started it. Plain JDBC in autocommit: two single-row statements per download, no ORM session. The finishing
 * statement runs on a worker thread after the body has gone out, so the client never waits for it.
 */
@ApplicationScoped
class DownloadAudit {

    private static final Logger LOG = Logger.getLogger(DownloadAudit.class);
    /** Range headers are client input; the audit keeps enough of one to read, not whatever a client sends. */
    private static final int MAX_RANGE_LENGTH = 200;

    private final AgroalDataSource dataSource;
    private final Vertx vertx;

    DownloadAudit(AgroalDataSource dataSource, Vertx vertx) {
        this.dataSource = dataSource;
        this.vertx = vertx;
    }

    /**
     * A download about to send its body.
     *
     * @param rangeRequested the {@code Range} header as sent, or {@code null}
     * @param status         200 or 206
     */
    record Started(String clientId, ExportFile file, Representation.Encoding encoding, String rangeRequested,
                   int status) {
    }

    /** A started download and its row. */
    record Entry(long id, Started download) {
    }

    /** Records the start of a download; fails when the audit cannot be written, so the download does not happen. */
    Entry start(Started download) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into files.download_audit (client_id, job_id, file_name, resource_type, file_kind, "
                             + "encoding, range_requested, status) values (?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
            insert.setString(1, download.clientId());
            insert.setObject(2, download.file().jobId());
            insert.setString(3, download.file().fileName());
            insert.setString(4, download.file().resourceType());
            insert.setString(5, download.file().kind().wireName());
            insert.setString(6, download.encoding().auditName());
            insert.setString(7, truncated(download.rangeRequested()));
            insert.setInt(8, download.status());
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return new Entry(id.getLong(1), download);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the start of a download", e);
        }
    }

    /** Records how a download ended, and logs it, on a worker thread: callable from the event loop. */
    void finishLater(Entry entry, DownloadRelay.Outcome outcome) {
        vertx.executeBlocking(() -> {
            finish(entry, outcome.bytesSent(), outcome.completed());
            Started download = entry.download();
            LOG.infof("download %d: client %s, file %s, status %d, range %s, %s, %d bytes, %s in %d ms", entry.id(),
                    download.clientId(), download.file().fileName(), download.status(), download.rangeRequested(),
                    download.encoding().auditName(), outcome.bytesSent(),
                    outcome.completed() ? "completed" : "aborted", outcome.millis());
            return null;
        }, false);
    }

    /**
     * Records how a download ended. The bytes are already out, so a failure here is logged rather than thrown: the
     * row stays unfinished, which is how the audit shows the gap.
     */
    void finish(Entry entry, long bytesSent, boolean completed) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update files.download_audit set bytes_sent = ?, completed = ?, finished_at = now() "
                             + "where id = ?")) {
            update.setLong(1, bytesSent);
            update.setBoolean(2, completed);
            update.setLong(3, entry.id());
            update.executeUpdate();
        } catch (SQLException e) {
            LOG.errorf(e, "cannot record the end of download %d (%d bytes sent, completed %s)",
                    entry.id(), bytesSent, completed);
        }
    }

    private static String truncated(String range) {
        return range == null || range.length() <= MAX_RANGE_LENGTH ? range : range.substring(0, MAX_RANGE_LENGTH);
    }
}

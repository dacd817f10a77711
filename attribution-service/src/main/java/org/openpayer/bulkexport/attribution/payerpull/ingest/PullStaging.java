package org.openpayer.bulkexport.attribution.payerpull.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.attribution.config.AttributionConfig;
import org.openpayer.bulkexport.attribution.payerpull.PullDeadline;
import org.openpayer.bulkexport.attribution.payerpull.PullFailure;
import org.openpayer.bulkexport.attribution.payerpull.PullProgress;
import org.openpayer.bulkexport.attribution.payerpull.PullStep;
import org.openpayer.bulkexport.attribution.payerpull.remote.ExportManifest;
import org.openpayer.bulkexport.attribution.payerpull.remote.RemoteSession;
import org.openpayer.bulkexport.attribution.write.JdbcTransaction;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads an export's files into {@code payer_pull_staged} before anything is imported: the import can then be one
 * transaction that stores all or nothing, and no transaction stays open while the old payer sends. Each line is only
 * checked for a type and id here (the import parses it whole). Rows go in small committed batches (by count, and at
 * least every few seconds), each one a heartbeat; a pull that starts staging again first drops what an interrupted
 * attempt left.
 */
@ApplicationScoped
public class PullStaging {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Pattern DELETED_URL = Pattern.compile("([A-Z][A-Za-z]*)/([A-Za-z0-9\\-.]{1,64})");
    private static final int BATCH = 200;
    /** A batch is written at least this often, so a slow download of large resources still renews the lease. */
    private static final long MAX_BATCH_NANOS = 10_000_000_000L;

    private final JdbcTransaction transaction;
    private final long maxDownloadBytes;

    public PullStaging(JdbcTransaction transaction, AttributionConfig config) {
        this.transaction = transaction;
        this.maxDownloadBytes = config.payerPull().maxDownloadBytes();
    }

    /** Stages every output and deleted file of the manifest for pull {@code pullId}. */
    public void stage(UUID pullId, RemoteSession session, ExportManifest manifest, PullDeadline deadline,
                      PullProgress progress) throws SQLException, InterruptedException {
        transaction.run(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from attribution.payer_pull_staged where pull_id = ?")) {
                delete.setObject(1, pullId);
                return delete.executeUpdate();
            }
        });
        Stage stage = new Stage(pullId, progress, manifest.output().size() + manifest.deleted().size());
        long budget = maxDownloadBytes;
        for (ExportManifest.ExportFile file : manifest.output()) {
            budget -= session.download(file.url(), manifest.requiresAccessToken(), deadline, budget,
                    line -> stage.add(resourceRow(file, line)));
            stage.fileDone();
        }
        for (ExportManifest.ExportFile file : manifest.deleted()) {
            budget -= session.download(file.url(), manifest.requiresAccessToken(), deadline, budget,
                    line -> stage.addAll(deletedRows(file, line)));
            stage.fileDone();
        }
        stage.flush();
    }

    private static Row resourceRow(ExportManifest.ExportFile file, String line) {
        JsonNode resource = parse(file, line);
        String type = resource.path("resourceType").asText();
        String id = resource.path("id").asText();
        if (!type.equals(file.type()) || !ID.matcher(id).matches()) {
            throw new PullFailure(PullStep.DOWNLOAD, "The old payer's " + file.type() + " file " + file.url()
                    + " holds a line that is not a " + file.type() + " with an id: " + shorten(line));
        }
        return new Row(false, type, id, line);
    }

    /** A deleted file's line is a transaction Bundle of {@code DELETE Type/id} entries (Bulk Data). */
    private static List<Row> deletedRows(ExportManifest.ExportFile file, String line) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode entry : parse(file, line).path("entry")) {
            Matcher url = DELETED_URL.matcher(entry.at("/request/url").asText());
            if (!"DELETE".equals(entry.at("/request/method").asText()) || !url.matches()) {
                throw new PullFailure(PullStep.DOWNLOAD, "The old payer's deleted file " + file.url() + " holds an "
                        + "entry that is not DELETE Type/id: " + shorten(entry.toString()));
            }
            rows.add(new Row(true, url.group(1), url.group(2), null));
        }
        return rows;
    }

    private static JsonNode parse(ExportManifest.ExportFile file, String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new PullFailure(PullStep.DOWNLOAD, "The old payer's file " + file.url() + " holds a line that is "
                    + "not JSON: " + shorten(line));
        }
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private record Row(boolean deleted, String resourceType, String remoteId, String content) {
    }

    /** The rows of one staging, written in batches that double as heartbeats. */
    private final class Stage {
        private final UUID pullId;
        private final PullProgress progress;
        private final int files;
        private final List<Row> pending = new ArrayList<>();
        private int seq;
        private int filesDone;
        private long lastFlush = System.nanoTime();

        Stage(UUID pullId, PullProgress progress, int files) {
            this.pullId = pullId;
            this.progress = progress;
            this.files = files;
        }

        void add(Row row) throws SQLException {
            pending.add(row);
            if (pending.size() >= BATCH || System.nanoTime() - lastFlush > MAX_BATCH_NANOS) {
                flush();
            }
        }

        void addAll(List<Row> rows) throws SQLException {
            for (Row row : rows) {
                add(row);
            }
        }

        void fileDone() throws SQLException {
            filesDone++;
            flush();
        }

        void flush() throws SQLException {
            if (!pending.isEmpty()) {
                transaction.run(connection -> {
                    try (PreparedStatement insert = connection.prepareStatement("""
                            insert into attribution.payer_pull_staged (pull_id, seq, deleted, resource_type, remote_id,
                              content) values (?, ?, ?, ?, ?, ?)""")) {
                        for (Row row : pending) {
                            insert.setObject(1, pullId);
                            insert.setInt(2, ++seq);
                            insert.setBoolean(3, row.deleted());
                            insert.setString(4, row.resourceType());
                            insert.setString(5, row.remoteId());
                            insert.setString(6, row.content());
                            insert.addBatch();
                        }
                        return insert.executeBatch();
                    }
                });
                pending.clear();
            }
            lastFlush = System.nanoTime();
            progress.report(PullStep.DOWNLOAD, seq + " resources from " + filesDone + " of " + files + " files");
        }
    }
}

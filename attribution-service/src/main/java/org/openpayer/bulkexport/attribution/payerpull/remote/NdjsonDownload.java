package org.openpayer.bulkexport.attribution.payerpull.remote;

import org.openpayer.bulkexport.attribution.payerpull.PullFailure;
import org.openpayer.bulkexport.attribution.payerpull.PullStep;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * Reads a downloading NDJSON file line by line, with bounds another payer cannot push us past: the pull's byte
 * budget across all its files, and a longest line. A body the watchdog closed (stalled, out of time) says why.
 */
final class NdjsonDownload {

    /** Generous for one resource (a member's largest, e.g. a DocumentReference with inline data). */
    static final int MAX_LINE_BYTES = 64 << 20;

    private NdjsonDownload() {
    }

    /** @return the bytes read */
    static long read(GuardedBody body, String url, long budget, NdjsonLineHandler lines) throws SQLException {
        byte[] buffer = new byte[64 * 1024];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long total = 0;
        try (body) {
            for (int count = body.read(buffer); count != -1; count = body.read(buffer)) {
                total += count;
                if (total > budget) {
                    throw new PullFailure(PullStep.DOWNLOAD, "The old payer's files exceed what one pull may "
                            + "download (ATTRIBUTION_PAYER_PULL_MAX_DOWNLOAD_BYTES); nothing was imported.");
                }
                int start = 0;
                for (int i = 0; i < count; i++) {
                    if (buffer[i] == '\n') {
                        line.write(buffer, start, i - start);
                        emit(line, lines);
                        start = i + 1;
                    }
                }
                line.write(buffer, start, count - start);
                if (line.size() > MAX_LINE_BYTES) {
                    throw new PullFailure(PullStep.DOWNLOAD, url + " holds a line longer than " + MAX_LINE_BYTES
                            + " bytes, which is no single resource we take.");
                }
            }
            emit(line, lines);
            return total;
        } catch (IOException e) {
            String reason = body.stopReason() != null ? body.stopReason() : e.toString();
            throw new RemoteUnreachable(PullStep.DOWNLOAD, "The download of " + url + " broke off (" + reason
                    + "); nothing was imported.");
        }
    }

    private static void emit(ByteArrayOutputStream line, NdjsonLineHandler lines) throws SQLException {
        String text = line.toString(StandardCharsets.UTF_8).strip();
        line.reset();
        if (!text.isEmpty()) {
            lines.accept(text);
        }
    }
}

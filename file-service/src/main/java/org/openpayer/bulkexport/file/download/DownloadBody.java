package org.openpayer.bulkexport.file.download;

import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;

/**
 * The body of one download: copies from storage to the client through one bounded buffer, so a file is never held in
 * memory, counting the bytes handed to the connection. However the copy ends (done, client gone, storage failed), it
 * finishes the download's audit row with that count and logs one line.
 *
 * <p>A client that goes away is an ordinary end, not an error: the copy stops and returns, since there is nobody left
 * to tell. The HTTP layer does not always say so through a failed write (a write to a closed connection can be
 * dropped silently), so the connection is also asked before each write. A storage failure is thrown, so the server
 * resets the connection instead of ending a truncated body as if it were whole.
 */
final class DownloadBody implements StreamingOutput {

    private static final Logger LOG = Logger.getLogger(DownloadBody.class);
    private static final int BUFFER_SIZE = 64 * 1024;

    private final InputStream content;
    private final BooleanSupplier clientGone;
    private final DownloadAudit audit;
    private final DownloadAudit.Entry entry;

    DownloadBody(InputStream content, BooleanSupplier clientGone, DownloadAudit audit, DownloadAudit.Entry entry) {
        this.content = content;
        this.clientGone = clientGone;
        this.audit = audit;
        this.entry = entry;
    }

    @Override
    public void write(OutputStream output) throws IOException {
        long started = System.nanoTime();
        long sent = 0;
        boolean completed = false;
        try (InputStream in = content) {
            byte[] buffer = new byte[BUFFER_SIZE];
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                if (clientGone.getAsBoolean() || !written(output, buffer, read)) {
                    return;
                }
                sent += read;
            }
            completed = flushed(output) && !clientGone.getAsBoolean();
        } finally {
            audit.finish(entry, sent, completed);
            DownloadAudit.Started download = entry.download();
            LOG.infof("download %d: client %s, file %s, status %d, range %s, %s, %d bytes, %s in %d ms", entry.id(),
                    download.clientId(), download.file().fileName(), download.status(), download.rangeRequested(),
                    download.encoding().auditName(), sent, completed ? "completed" : "aborted",
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** False when the write failed: the client is gone. */
    private static boolean written(OutputStream output, byte[] buffer, int length) {
        try {
            output.write(buffer, 0, length);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean flushed(OutputStream output) {
        try {
            output.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

package org.openpayer.bulkexport.export.worker;

import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.UnaryOperator;

/**
 * The rows of a streaming query as one NDJSON byte stream: each row's stored JSON, then a newline. Rows are taken from
 * the driver's raw bytes, one at a time as the reader asks for more, so JSON is copied and never parsed, and memory
 * holds one row plus the driver's fetch window. Counts lines and bytes for the manifest. A projection (for
 * {@code _elements}) may rewrite each row; only then is a row parsed.
 */
final class NdjsonRowStream extends InputStream {

    private static final byte NEWLINE = '\n';

    private final ResultSet rows;
    private final UnaryOperator<byte[]> projection;
    private byte[] current;
    private int position;
    private boolean exhausted;
    private long lines;
    private long bytes;

    NdjsonRowStream(ResultSet rows) {
        this(rows, UnaryOperator.identity());
    }

    /** @param projection rewrites each row's JSON before it is written */
    NdjsonRowStream(ResultSet rows, UnaryOperator<byte[]> projection) {
        this.rows = rows;
        this.projection = projection;
    }

    /** Moves to the first row, if there is one; an empty result writes no file at all. */
    boolean hasRows() throws SQLException {
        return advance();
    }

    long lines() {
        return lines;
    }

    long bytes() {
        return bytes;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int copied = 0;
        while (copied < length) {
            if (current == null || position > current.length) {
                if (!advanceUnchecked()) {
                    break;
                }
            }
            if (position == current.length) {
                target[offset + copied++] = NEWLINE;
                position++;
                continue;
            }
            int chunk = Math.min(length - copied, current.length - position);
            System.arraycopy(current, position, target, offset + copied, chunk);
            position += chunk;
            copied += chunk;
        }
        bytes += copied;
        return copied == 0 ? -1 : copied;
    }

    private boolean advanceUnchecked() throws IOException {
        try {
            return advance();
        } catch (SQLException e) {
            throw new IOException("reading member data failed", e);
        }
    }

    private boolean advance() throws SQLException {
        if (exhausted) {
            return false;
        }
        if (current != null && position <= current.length) {
            return true;
        }
        if (!rows.next()) {
            exhausted = true;
            current = null;
            return false;
        }
        current = projection.apply(rows.getBytes(1));
        position = 0;
        lines++;
        return true;
    }
}

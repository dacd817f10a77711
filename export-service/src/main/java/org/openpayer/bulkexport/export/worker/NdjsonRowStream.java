package org.openpayer.bulkexport.export.worker;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.UnaryOperator;

/**
 * The rows of a streaming query as one NDJSON byte stream: each row's stored JSON, then a newline. Rows are taken from
 * the driver's raw bytes, one at a time as the reader asks for more, so JSON is copied and never parsed, and memory
 * holds one row plus the driver's fetch window. Counts lines and bytes for the manifest. A projection (for
 * {@code _elements}) may rewrite each row; only then is a row parsed.
 */
final class NdjsonRowStream extends ChunkStream {

    private static final byte[] NEWLINE = {'\n'};

    private final ResultSet rows;
    private final UnaryOperator<byte[]> projection;
    /** A row fetched but not yet handed out. */
    private byte[] pending;
    private boolean newlineNext;
    private boolean exhausted;
    private long lines;

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
        return fetch();
    }

    long lines() {
        return lines;
    }

    @Override
    protected byte[] nextChunk() throws IOException {
        if (newlineNext) {
            newlineNext = false;
            return NEWLINE;
        }
        try {
            if (!fetch()) {
                return null;
            }
        } catch (SQLException e) {
            throw new IOException("reading member data failed", e);
        }
        byte[] row = pending;
        pending = null;
        newlineNext = true;
        return row;
    }

    private boolean fetch() throws SQLException {
        if (pending != null) {
            return true;
        }
        if (exhausted || !rows.next()) {
            exhausted = true;
            return false;
        }
        pending = projection.apply(rows.getBytes(1));
        lines++;
        return true;
    }
}

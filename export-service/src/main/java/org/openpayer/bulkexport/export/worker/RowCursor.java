package org.openpayer.bulkexport.export.worker;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.UnaryOperator;

/**
 * The rows of a streaming query, one NDJSON line each, fetched one at a time: each row's first column as raw bytes
 * (JSON copied, never parsed, unless a projection for {@code _elements} rewrites it). Several files of one task read
 * the same cursor in turn, each taking the lines after the last one the previous file took.
 */
final class RowCursor {

    private final ResultSet rows;
    private final UnaryOperator<byte[]> projection;
    private byte[] next;
    private boolean exhausted;

    RowCursor(ResultSet rows, UnaryOperator<byte[]> projection) {
        this.rows = rows;
        this.projection = projection;
    }

    /** Whether another line follows, fetching it if needed. */
    boolean hasNext() throws SQLException {
        if (next == null && !exhausted) {
            if (rows.next()) {
                next = projection.apply(rows.getBytes(1));
            } else {
                exhausted = true;
            }
        }
        return next != null;
    }

    /** The next line's length in bytes, without taking it; call {@link #hasNext()} first. */
    int peekLength() {
        return next.length;
    }

    /** Takes the next line; call {@link #hasNext()} first. */
    byte[] take() {
        byte[] line = next;
        next = null;
        return line;
    }
}

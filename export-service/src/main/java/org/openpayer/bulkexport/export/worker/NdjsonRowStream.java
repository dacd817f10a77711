package org.openpayer.bulkexport.export.worker;

import java.io.IOException;
import java.sql.SQLException;

/**
 * One NDJSON file's bytes taken from a {@link RowCursor}: each line, then a newline, until the cursor ends or the file
 * is full. A file is full when the next line would take it past {@code maxBytes}, or when it holds {@code maxLines};
 * a file always takes at least one line, so a single line larger than the limit still goes out whole. Memory holds
 * one line plus the driver's fetch window. Counts lines and bytes for the manifest.
 */
final class NdjsonRowStream extends ChunkStream {

    private static final byte[] NEWLINE = {'\n'};

    private final RowCursor cursor;
    private final long maxBytes;
    private final long maxLines;
    private boolean newlineNext;
    private long lines;
    private long size;

    NdjsonRowStream(RowCursor cursor, long maxBytes, long maxLines) {
        this.cursor = cursor;
        this.maxBytes = maxBytes;
        this.maxLines = maxLines;
    }

    long lines() {
        return lines;
    }

    @Override
    protected byte[] nextChunk() throws IOException {
        if (newlineNext) {
            newlineNext = false;
            size += NEWLINE.length;
            return NEWLINE;
        }
        try {
            if (!cursor.hasNext() || full(cursor.peekLength())) {
                return null;
            }
        } catch (SQLException e) {
            throw new IOException("reading member data failed", e);
        }
        byte[] line = cursor.take();
        lines++;
        size += line.length;
        newlineNext = true;
        return line;
    }

    private boolean full(int nextLineLength) {
        return lines > 0 && (lines >= maxLines || size + nextLineLength + NEWLINE.length > maxBytes);
    }
}

package org.openpayer.bulkexport.export.worker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * Text pieces pulled one at a time as one UTF-8 byte stream, ended by a newline: one NDJSON line whose pieces are
 * produced only as the reader (an upload) asks for bytes, so a line of any length is written in bounded memory.
 * Counts the bytes for the manifest.
 */
final class PiecesStream extends InputStream {

    private final Iterator<String> pieces;
    private byte[] current = new byte[0];
    private int position;
    private boolean newlineSent;
    private long bytes;

    PiecesStream(Iterator<String> pieces) {
        this.pieces = pieces;
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
        while (position == current.length) {
            if (!nextPiece()) {
                return -1;
            }
        }
        int chunk = Math.min(length, current.length - position);
        System.arraycopy(current, position, target, offset, chunk);
        position += chunk;
        bytes += chunk;
        return chunk;
    }

    private boolean nextPiece() throws IOException {
        try {
            if (pieces.hasNext()) {
                current = pieces.next().getBytes(StandardCharsets.UTF_8);
            } else if (!newlineSent) {
                newlineSent = true;
                current = new byte[] {'\n'};
            } else {
                return false;
            }
            position = 0;
            return true;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

package org.openpayer.bulkexport.export.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * Text pieces pulled one at a time as one NDJSON line (UTF-8, ended by a newline): a resource whose pieces are produced
 * only as the upload asks for bytes, such as a Group streaming its members from a cursor.
 */
final class PiecesStream extends ChunkStream {

    private static final byte[] NEWLINE = {'\n'};

    private final Iterator<String> pieces;
    private boolean newlineSent;

    PiecesStream(Iterator<String> pieces) {
        this.pieces = pieces;
    }

    @Override
    protected byte[] nextChunk() throws IOException {
        try {
            if (pieces.hasNext()) {
                return pieces.next().getBytes(StandardCharsets.UTF_8);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (newlineSent) {
            return null;
        }
        newlineSent = true;
        return NEWLINE;
    }
}

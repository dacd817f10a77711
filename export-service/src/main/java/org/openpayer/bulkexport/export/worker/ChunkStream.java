package org.openpayer.bulkexport.export.worker;

import java.io.IOException;
import java.io.InputStream;

/**
 * A byte stream made of chunks produced one at a time as the reader (an upload) asks for bytes, so a file or a line of
 * any length is written holding one chunk. Counts the bytes read, for the manifest.
 */
abstract class ChunkStream extends InputStream {

    private byte[] current = new byte[0];
    private int position;
    private long bytes;

    /** The next chunk, or {@code null} at the end. */
    protected abstract byte[] nextChunk() throws IOException;

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
            byte[] next = nextChunk();
            if (next == null) {
                return -1;
            }
            current = next;
            position = 0;
        }
        int chunk = Math.min(length, current.length - position);
        System.arraycopy(current, position, target, offset, chunk);
        position += chunk;
        bytes += chunk;
        return chunk;
    }
}

package org.openpayer.bulkexport.export.worker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A stream's bytes gzipped as they are read, for storing export files compressed: the source is read in small
 * chunks, each compressed into a buffer that is handed out before the next is read, so memory stays a few chunks
 * whatever the file's size.
 */
final class GzipStream extends ChunkStream {

    private static final int CHUNK = 64 * 1024;

    private final InputStream source;
    private final ByteArrayOutputStream compressed = new ByteArrayOutputStream(CHUNK);
    private final GZIPOutputStream gzip;
    private final byte[] chunk = new byte[CHUNK];
    private boolean finished;

    GzipStream(InputStream source) throws IOException {
        this.source = source;
        this.gzip = new GZIPOutputStream(compressed, CHUNK);
    }

    @Override
    protected byte[] nextChunk() throws IOException {
        while (compressed.size() == 0) {
            if (finished) {
                return null;
            }
            int read = source.read(chunk);
            if (read < 0) {
                gzip.finish();
                finished = true;
            } else {
                gzip.write(chunk, 0, read);
            }
        }
        byte[] out = compressed.toByteArray();
        compressed.reset();
        return out;
    }
}

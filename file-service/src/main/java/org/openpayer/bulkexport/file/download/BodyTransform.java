package org.openpayer.bulkexport.file.download;

import io.vertx.core.buffer.Buffer;

import java.io.IOException;

/**
 * What happens to stored bytes on their way to the client, one chunk at a time: nothing, or inflating stored gzip.
 * Output is pulled, so the relay takes it only while the connection accepts more and a chunk never has to be held
 * whole in its transformed form.
 */
interface BodyTransform {

    /** The next chunk read from storage; offered only after {@link #poll()} answered {@code null}. */
    void offer(Buffer chunk);

    /** The next bytes to send, or {@code null} when the transform needs the next chunk first. */
    Buffer poll() throws IOException;

    /** Storage has no more bytes: fails when they ended where no complete body can end. */
    void finish() throws IOException;

    /** Releases what the transform holds, however the download ended. */
    default void close() {
    }

    /** Stored bytes sent as they are: each chunk goes out unchanged, without a copy. */
    static BodyTransform identity() {
        return new BodyTransform() {
            private Buffer next;

            @Override
            public void offer(Buffer chunk) {
                next = chunk;
            }

            @Override
            public Buffer poll() {
                Buffer chunk = next;
                next = null;
                return chunk;
            }

            @Override
            public void finish() {
                // Storage's own framing (Content-Length) already tells a complete body from a cut one.
            }
        };
    }
}

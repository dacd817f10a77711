package org.openpayer.bulkexport.file.download;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.streams.ReadStream;

/**
 * A stored file's bytes as storage answers them, not flowing yet: a paused response on an open storage connection.
 * Whoever holds one relays it or discards it; otherwise the connection stays taken.
 *
 * @param stream  the body, paused until a relay resumes it
 * @param discard drops the body and its connection, for bytes nobody will read
 */
record StoredBytes(ReadStream<Buffer> stream, Runnable discard) {

    static StoredBytes of(HttpClientResponse response) {
        return new StoredBytes(response, () -> {
            // The reset fails the response with "stream reset": expected here, nothing to report.
            response.exceptionHandler(ignored -> { });
            response.request().reset();
        });
    }
}

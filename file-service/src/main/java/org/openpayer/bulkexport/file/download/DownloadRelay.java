package org.openpayer.bulkexport.file.download;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.ReadStream;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The body of one download: relays a stored file's bytes from storage to the client on the event loop, in the buffers
 * storage's answer arrived in, so a file is never held in memory and no thread copies it through a stream. The client
 * sets the pace: storage is paused whenever the connection's write queue is full and resumed when it drains.
 *
 * <p>However the relay ends it reports once how many bytes it handed to the connection and whether the body was
 * complete: done (the last byte flushed), client gone (the connection closed; storage is let go), or storage failed
 * (its connection broke, or stored gzip turned out damaged). A storage failure resets the client's connection, so a
 * cut body never ends as if it were whole, which a chunked body would otherwise do.
 */
final class DownloadRelay {

    private static final Logger LOG = Logger.getLogger(DownloadRelay.class);

    /** How a relay ended: body bytes handed to the connection, and whether the body went out complete. */
    record Outcome(long bytesSent, boolean completed, long millis) {
    }

    private final StoredBytes source;
    private final BodyTransform transform;
    private final OptionalLong length;
    private final Consumer<Outcome> finished;

    /** Confined to the event loop from {@link #start} on. */
    private HttpServerResponse response;
    private Runnable done;
    private long started;
    private long sent;
    /** Storage is paused: the transform still holds bytes, or the connection is draining. */
    private boolean sourcePaused;
    private boolean awaitingDrain;
    private boolean sourceEnded;
    private boolean over;

    /**
     * @param length   the body's length, or empty to send it chunked
     * @param finished told how the relay ended, once, on the event loop: must not block
     */
    DownloadRelay(StoredBytes source, BodyTransform transform, OptionalLong length, Consumer<Outcome> finished) {
        this.source = source;
        this.transform = transform;
        this.length = length;
        this.finished = finished;
    }

    /** Starts relaying into {@code response} (on its event loop); {@code done} runs once the relay has ended. */
    void start(HttpServerResponse response, Runnable done) {
        this.response = response;
        this.done = done;
        this.started = System.nanoTime();
        length.ifPresentOrElse(bytes -> response.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(bytes)),
                () -> response.setChunked(true));
        response.closeHandler(ignored -> abort(false));
        ReadStream<Buffer> stream = source.stream();
        stream.exceptionHandler(this::storageFailed);
        stream.endHandler(ignored -> {
            sourceEnded = true;
            pump();
        });
        stream.handler(chunk -> {
            transform.offer(chunk);
            pump();
        });
        if (response.closed()) {
            abort(false);
        } else {
            stream.resume();
        }
    }

    /**
     * Sends what the transform has while the connection takes it. Storage is asked for more only once the transform
     * is empty, so a chunk is never offered on top of one still being sent.
     */
    private void pump() {
        try {
            for (Buffer out = next(); out != null; out = next()) {
                response.write(out);
                sent += out.length();
            }
            if (over || awaitingDrain) {
                return;
            }
            if (sourceEnded) {
                transform.finish();
                over = true;
                response.end().onComplete(flushed -> report(flushed.succeeded()));
            } else if (sourcePaused) {
                sourcePaused = false;
                source.stream().resume();
            }
        } catch (IOException | RuntimeException e) {
            storageFailed(e);
        }
    }

    /** The next bytes to write, or {@code null} when the relay is over, the connection full or the transform empty. */
    private Buffer next() throws IOException {
        if (over) {
            return null;
        }
        if (response.closed()) {
            abort(false);
            return null;
        }
        if (response.writeQueueFull()) {
            awaitingDrain = true;
            if (!sourcePaused) {
                sourcePaused = true;
                source.stream().pause();
            }
            response.drainHandler(ignored -> {
                awaitingDrain = false;
                pump();
            });
            return null;
        }
        return transform.poll();
    }

    private void storageFailed(Throwable failure) {
        if (!over) {
            LOG.warnf(failure, "storage failed after %d bytes of a download; resetting its connection", sent);
            abort(true);
        }
    }

    /** Ends a relay that did not complete: lets storage go, and resets the client's connection when told to. */
    private void abort(boolean resetClient) {
        if (over) {
            return;
        }
        over = true;
        if (!sourceEnded) {
            source.discard().run();
        }
        if (resetClient) {
            response.reset();
        }
        report(false);
    }

    private void report(boolean completed) {
        transform.close();
        finished.accept(new Outcome(sent, completed, (System.nanoTime() - started) / 1_000_000));
        done.run();
    }
}

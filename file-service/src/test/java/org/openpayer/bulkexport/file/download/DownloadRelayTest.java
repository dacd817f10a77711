package org.openpayer.bulkexport.file.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.streams.ReadStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * The relay on a real Vert.x server and a raw client socket, with storage played by a stream the test controls: a body
 * goes out whole and is reported complete, a slow client pauses storage, and a client that leaves or a storage that
 * fails ends the relay as aborted; a storage failure never lets the client see a body that ends as complete.
 */
class DownloadRelayTest {

    private static final int CHUNK = 64 * 1024;

    private Vertx vertx;
    private HttpServer server;
    private FakeStorage storage;
    private final CompletableFuture<DownloadRelay.Outcome> outcome = new CompletableFuture<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void relay_wholeBody_sendsEveryByteAndReportsComplete() throws Exception {
        // given
        int port = serve(context -> new FakeStorage(context, 40, null), BodyTransform::identity, true);

        // when
        Answer answer = get(port);

        // then
        assertThat(answer.head()).contains("content-length: " + 40 * CHUNK);
        assertThat(answer.body()).hasSize(40 * CHUNK);
        assertThat(outcome.get(10, TimeUnit.SECONDS)).extracting("bytesSent", "completed")
                .containsExactly(40L * CHUNK, true);
        assertThat(done).succeedsWithin(Duration.ofSeconds(5));
        assertThat(storage.discarded).isFalse();
    }

    @Test
    void relay_clientNotReading_pausesStorageUntilItReads() throws Exception {
        // given: far more than the socket buffers and the write queue hold
        int port = serve(context -> new FakeStorage(context, 400, null), BodyTransform::identity, true);

        try (Socket socket = connect(port)) {
            // when
            await().atMost(Duration.ofSeconds(10)).until(() -> storage.pauses > 0);

            // then
            assertThat(storage.delivered).isLessThan(400);
            assertThat(readAll(socket.getInputStream())).hasSizeGreaterThan(400 * CHUNK);
        }
        assertThat(outcome.get(10, TimeUnit.SECONDS).completed()).isTrue();
    }

    @Test
    void relay_clientGoneMidBody_letsStorageGoAndReportsAborted() throws Exception {
        // given
        int port = serve(context -> new FakeStorage(context, 400, null), BodyTransform::identity, true);

        // when: the client reads a little and resets the connection
        try (Socket socket = connect(port)) {
            assertThat(socket.getInputStream().readNBytes(CHUNK)).hasSize(CHUNK);
            socket.setSoLinger(true, 0);
        }

        // then
        DownloadRelay.Outcome aborted = outcome.get(10, TimeUnit.SECONDS);
        assertThat(aborted.completed()).isFalse();
        assertThat(aborted.bytesSent()).isPositive().isLessThan(400L * CHUNK);
        await().atMost(Duration.ofSeconds(5)).until(() -> storage.discarded);
        assertThat(done).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void relay_storageFailsMidBody_resetsTheConnectionShortOfTheLength() throws Exception {
        // given
        int port = serve(context -> new FakeStorage(context, 10, new IOException("storage connection lost")),
                BodyTransform::identity, true);

        // when
        Answer answer = get(port);

        // then
        assertThat(answer.head()).contains("content-length: " + 40 * CHUNK);
        assertThat(answer.body().length).isLessThan(40 * CHUNK);
        assertThat(outcome.get(10, TimeUnit.SECONDS)).extracting("bytesSent", "completed")
                .containsExactly(10L * CHUNK, false);
        assertThat(storage.discarded).isTrue();
    }

    @Test
    void relay_storageFailsMidChunkedBody_neverSendsTheLastChunk() throws Exception {
        // given: chunked, where ending the body normally would look complete to the client
        int port = serve(context -> new FakeStorage(context, 10, new IOException("storage connection lost")),
                BodyTransform::identity, false);

        // when
        Answer answer = get(port);

        // then
        assertThat(answer.head()).contains("transfer-encoding: chunked");
        assertThat(new String(answer.body(), StandardCharsets.ISO_8859_1)).doesNotEndWith("0\r\n\r\n");
        assertThat(outcome.get(10, TimeUnit.SECONDS).completed()).isFalse();
    }

    @Test
    void relay_inflatingDamagedGzip_resetsTheConnection() throws Exception {
        // given: gzip cut short, ending cleanly as far as storage is concerned
        byte[] gzipped = gzip(new byte[5 * CHUNK]);
        byte[] cut = Arrays.copyOf(gzipped, gzipped.length - 4);
        int port = serve(context -> new FakeStorage(context, cut), GzipInflation::new, false);

        // when
        Answer answer = get(port);

        // then
        assertThat(new String(answer.body(), StandardCharsets.ISO_8859_1)).doesNotEndWith("0\r\n\r\n");
        assertThat(outcome.get(10, TimeUnit.SECONDS).completed()).isFalse();
    }

    @Test
    void relay_inflating_sendsTheNdjsonChunked() throws Exception {
        // given
        byte[] ndjson = "{\"resourceType\":\"Coverage\"}\n".repeat(50_000).getBytes(StandardCharsets.UTF_8);
        int port = serve(context -> new FakeStorage(context, gzip(ndjson)), GzipInflation::new, false);

        // when
        Answer answer = get(port);

        // then
        assertThat(answer.head()).contains("transfer-encoding: chunked");
        assertThat(dechunked(answer.body())).isEqualTo(ndjson);
        assertThat(outcome.get(10, TimeUnit.SECONDS)).extracting("bytesSent", "completed")
                .containsExactly((long) ndjson.length, true);
    }

    /** Serves one relay per request, of a fixed 40-chunk length or chunked; returns the port. */
    private int serve(Function<Context, FakeStorage> storageFor, Supplier<BodyTransform> transform,
                      boolean fixedLength) throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> {
            storage = storageFor.apply(Vertx.currentContext());
            StoredBytes bytes = new StoredBytes(storage, () -> storage.discarded = true);
            new DownloadRelay(bytes, transform.get(), fixedLength ? OptionalLong.of(40L * CHUNK) : OptionalLong.empty(),
                    outcome::complete).start(request.response(), () -> done.complete(null));
        });
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                .actualPort();
    }

    private record Answer(String head, byte[] body) {
    }

    /** Sends a GET and reads the answer until the server closes, or resets, the connection. */
    private static Answer get(int port) throws IOException {
        try (Socket socket = connect(port)) {
            byte[] all = readAll(socket.getInputStream());
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int split = text.indexOf("\r\n\r\n") + 4;
            return new Answer(text.substring(0, split).toLowerCase(Locale.ROOT),
                    Arrays.copyOfRange(all, split, all.length));
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(16 * 1024);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        socket.setSoTimeout(20_000);
        OutputStream out = socket.getOutputStream();
        out.write("GET /file HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Everything until the server closes, or resets, the connection. */
    private static byte[] readAll(InputStream in) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[CHUNK];
        try {
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                all.write(buffer, 0, read);
            }
        } catch (IOException reset) {
            // A reset connection ends the answer like a closed one.
        }
        return all.toByteArray();
    }

    private static byte[] dechunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int position = 0;
        while (true) {
            int lineEnd = indexOf(body, position);
            int size = Integer.parseInt(new String(body, position, lineEnd - position, StandardCharsets.US_ASCII)
                    .trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(body, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("no line end after " + from);
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return gzipped.toByteArray();
    }

    /**
     * Storage as the relay sees it: a paused stream of chunks that flows only while resumed, then ends or fails.
     * Delivers on its context's event loop, as a storage answer does.
     */
    private static final class FakeStorage implements ReadStream<Buffer> {
        private final Context context;
        private final byte[] bytes;
        private final int chunks;
        private final Throwable failure;
        private Handler<Buffer> handler;
        private Handler<Throwable> exceptionHandler;
        private Handler<Void> endHandler;
        private boolean paused = true;
        volatile int delivered;
        volatile int pauses;
        volatile boolean discarded;

        /** {@code chunks} chunks of zeros, then the end, or {@code failure} when not null. */
        FakeStorage(Context context, int chunks, Throwable failure) {
            this.context = context;
            this.bytes = null;
            this.chunks = chunks;
            this.failure = failure;
        }

        /** These bytes, one chunk of at most 64 KiB at a time, then the end. */
        FakeStorage(Context context, byte[] bytes) {
            this.context = context;
            this.bytes = bytes;
            this.chunks = (bytes.length + CHUNK - 1) / CHUNK;
            this.failure = null;
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            this.exceptionHandler = handler;
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            this.handler = handler;
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            paused = true;
            pauses++;
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            paused = false;
            context.runOnContext(ignored -> deliver());
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            return resume();
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
            this.endHandler = endHandler;
            return this;
        }

        private void deliver() {
            while (!paused && !discarded && delivered < chunks) {
                int index = delivered++;
                handler.handle(chunk(index));
            }
            if (!paused && !discarded && delivered == chunks) {
                delivered++;
                if (failure != null) {
                    exceptionHandler.handle(failure);
                } else {
                    endHandler.handle(null);
                }
            }
        }

        private Buffer chunk(int index) {
            if (bytes == null) {
                return Buffer.buffer(new byte[CHUNK]);
            }
            int from = index * CHUNK;
            return Buffer.buffer(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + CHUNK)));
        }
    }
}

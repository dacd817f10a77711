package org.openpayer.bulkexport.file.download;

import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.MinioClient;
import io.minio.errors.MinioException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.openpayer.bulkexport.file.config.FileObjectStoreConfig;
import org.openpayer.bulkexport.objectstore.ObjectStores;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends object reads (HEAD, GET) to S3 over Vert.x's HTTP client, so a body arrives on the event loop in the buffers
 * it was read into and can go on to the client from there: no thread copies it through a stream. minio-java signs
 * each request as a presigned URL, computed locally; {@code Range} and {@code If-Match} travel as plain headers next
 * to the signature, which S3 allows.
 *
 * <p>Design note: a request is sent from the Vert.x context of the caller's HTTP request (its event loop), so the body
 * is read on the thread that writes the download's connection, and the answer's head is handled there before any of
 * its body can be: a 2xx body is paused at once, anything else read to its end so the connection can be reused.
 */
final class ObjectReads {

    /** Longest wait for storage to connect, and for the next bytes of an answer once it has started. */
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final long READ_TIMEOUT_MS = 60_000;
    /** Shorter than the idle timeout of common S3 servers, so a pooled connection is not reused as it is closed. */
    private static final int KEEP_ALIVE_SECONDS = 15;
    /**
     * Body bytes handed on per event, at most: Netty reads up to 64 KiB at a time, and its default of 8 KiB split each
     * read into eight writes (and flushes) to the client. Measured: 7681 writes per 60 MiB became 961, and the CPU
     * file-service spends per byte fell by a third.
     */
    private static final int BODY_CHUNK_BYTES = 64 * 1024;
    /** Presigned URLs are used at once; they only need to outlive clock skew and a slow connect. */
    private static final int URL_EXPIRY_SECONDS = 300;

    private final Vertx vertx;
    private final MinioClient signer;
    private final HttpClient http;
    private final String bucket;

    ObjectReads(FileObjectStoreConfig config, Vertx vertx) {
        this.vertx = vertx;
        this.signer = ObjectStores.client(config);
        this.http = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout(CONNECT_TIMEOUT_MS)
                        .setKeepAliveTimeout(KEEP_ALIVE_SECONDS)
                        .setMaxChunkSize(BODY_CHUNK_BYTES),
                new PoolOptions().setHttp1MaxSize(config.maxConnections()));
        this.bucket = config.bucket();
    }

    /**
     * Sends a read of {@code key} and waits (on a worker thread) for the head of the answer. A connection found closed
     * before any answer came is retried once on another: reads are idempotent, and pooled connections go stale.
     */
    HttpClientResponse send(HttpMethod method, String key, Map<String, String> headers) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("object reads wait for storage and must not run on an event loop");
        }
        Context context = Vertx.currentContext() != null ? Vertx.currentContext() : vertx.getOrCreateContext();
        try {
            return await(method, key, headers, context);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpClosedException) {
                try {
                    return await(method, key, headers, context);
                } catch (ExecutionException again) {
                    throw failed(method, key, again.getCause());
                }
            }
            throw failed(method, key, e.getCause());
        }
    }

    private HttpClientResponse await(HttpMethod method, String key, Map<String, String> headers, Context context)
            throws ExecutionException {
        RequestOptions request = new RequestOptions().setMethod(method).setAbsoluteURI(presigned(method, key))
                .setIdleTimeout(READ_TIMEOUT_MS);
        headers.forEach(request::putHeader);
        Promise<HttpClientResponse> head = Promise.promise();
        context.runOnContext(ignored -> http.request(request)
                .compose(sent -> sent.send())
                .map(response -> held(method, response))
                .onComplete(head));
        Future<HttpClientResponse> answer = head.future();
        try {
            return answer.toCompletionStage().toCompletableFuture()
                    .get(CONNECT_TIMEOUT_MS + READ_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.onSuccess(response -> response.request().reset());
            throw new IllegalStateException("interrupted while reading " + key, e);
        } catch (TimeoutException e) {
            answer.onSuccess(response -> response.request().reset());
            throw new ExecutionException(e);
        }
    }

    /** Runs on the event loop as the head arrives, before any body: a body to relay waits, any other is drained. */
    private static HttpClientResponse held(HttpMethod method, HttpClientResponse response) {
        if (method == HttpMethod.GET && response.statusCode() / 100 == 2) {
            response.pause();
        } else {
            response.body();
        }
        return response;
    }

    private String presigned(HttpMethod method, String key) {
        try {
            return signer.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .method(method == HttpMethod.HEAD ? Http.Method.HEAD : Http.Method.GET)
                    .bucket(bucket).object(key).expiry(URL_EXPIRY_SECONDS).build());
        } catch (MinioException e) {
            throw new IllegalStateException("cannot sign a read of " + key, e);
        }
    }

    private static IllegalStateException failed(HttpMethod method, String key, Throwable cause) {
        return new IllegalStateException("storage did not answer " + method + " " + key, cause);
    }
}

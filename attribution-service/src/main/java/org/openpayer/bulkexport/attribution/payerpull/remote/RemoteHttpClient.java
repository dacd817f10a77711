package org.openpayer.bulkexport.attribution.payerpull.remote;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.attribution.config.AttributionConfig;
import org.openpayer.bulkexport.attribution.payerpull.PullFailure;
import org.openpayer.bulkexport.attribution.payerpull.registry.RemotePayer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The one way out to other payers: a JDK client that follows no redirects, with connect and request timeouts, body
 * read timeouts ({@link BodyWatchdog}), bounded answers, and requests only to the registered payer's origins, so
 * what a remote server answers cannot make us call anywhere else (SSRF).
 */
@ApplicationScoped
public class RemoteHttpClient {

    /** Tokens, Parameters, manifests and OperationOutcomes are small; a larger answer is refused. */
    static final int MAX_ANSWER_BYTES = 1 << 20;

    private final HttpClient client;
    private final Duration requestTimeout;
    private final BodyWatchdog watchdog;

    public RemoteHttpClient(AttributionConfig config, BodyWatchdog watchdog) {
        this.requestTimeout = config.payerPull().requestTimeout();
        this.watchdog = watchdog;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.payerPull().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    /** Sends a request whose answer is read whole, all within the request timeout. */
    RemoteResponse exchange(RemoteCall call) throws InterruptedException {
        HttpResponse<InputStream> response = send(call);
        try (GuardedBody body = watchdog.watch(response.body(), requestTimeout, Instant.now().plus(requestTimeout))) {
            byte[] bytes = readAnswer(call, body);
            return new RemoteResponse(describe(call), call.request().uri(), response.statusCode(),
                    response.headers(), new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RemoteUnreachable(call.step(), call.what() + ": the old payer's answer broke off ("
                    + e.getMessage() + ").");
        }
    }

    /**
     * Opens a download: the body arrives while the caller reads it, closed by the watchdog when it stalls for the
     * request timeout or reaches {@code deadline}. Anything but 200 is the old payer's refusal.
     */
    GuardedBody download(RemoteCall call, Instant deadline) throws InterruptedException {
        HttpResponse<InputStream> response = send(call);
        if (response.statusCode() != 200) {
            try (InputStream body = response.body()) {
                byte[] start = body.readNBytes(MAX_ANSWER_BYTES);
                throw new RemoteResponse(describe(call), call.request().uri(), response.statusCode(),
                        response.headers(), new String(start, StandardCharsets.UTF_8)).refusal(call.step(),
                        call.what());
            } catch (IOException e) {
                throw new RemoteUnreachable(call.step(), call.what() + ": the old payer answered HTTP "
                        + response.statusCode() + " and its body broke off.");
            }
        }
        return watchdog.watch(response.body(), requestTimeout, deadline);
    }

    private HttpResponse<InputStream> send(RemoteCall call) throws InterruptedException {
        URI uri = call.request().uri();
        if (!call.origins().contains(origin(call, uri))) {
            throw new PullFailure(call.step(), call.what() + ": the old payer sent us to " + uri.getScheme() + "://"
                    + uri.getAuthority() + ", which is not where it is registered; we call registered endpoints "
                    + "only.");
        }
        try {
            return client.send(call.request(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new RemoteUnreachable(call.step(), call.what() + ": the old payer did not answer within "
                    + requestTimeout.toSeconds() + " s.");
        } catch (IOException e) {
            throw new RemoteUnreachable(call.step(), call.what() + ": the old payer could not be reached at "
                    + uri.getScheme() + "://" + uri.getAuthority() + " (" + e + ").");
        }
    }

    private static String origin(RemoteCall call, URI uri) {
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new PullFailure(call.step(), call.what() + ": the old payer gave a URL we cannot call: " + uri);
        }
        return RemotePayer.origin(uri.toString());
    }

    private static byte[] readAnswer(RemoteCall call, GuardedBody body) throws IOException {
        byte[] bytes;
        try {
            bytes = body.readNBytes(MAX_ANSWER_BYTES + 1);
        } catch (IOException e) {
            if (body.stopReason() != null) {
                throw new RemoteUnreachable(call.step(), call.what() + ": the old payer's answer stalled ("
                        + body.stopReason() + ").");
            }
            throw e;
        }
        if (bytes.length > MAX_ANSWER_BYTES) {
            throw new PullFailure(call.step(), call.what() + ": the old payer's answer is larger than "
                    + MAX_ANSWER_BYTES + " bytes, which no answer of this kind needs.");
        }
        return bytes;
    }

    private static String describe(RemoteCall call) {
        return call.request().method() + " " + call.request().uri();
    }
}

package org.openpayer.bulkexport.auth.keys;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client's JWKS URL, hosted by the test on loopback: the test decides what it serves, with which Cache-Control and
 * how slowly, and counts how often auth-service fetched it.
 */
final class JwksHost implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile String body = "{\"keys\":[]}";
    private volatile String cacheControl;
    private volatile Duration delay = Duration.ZERO;

    private JwksHost(HttpServer server) {
        this.server = server;
    }

    static JwksHost start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            JwksHost host = new JwksHost(server);
            server.createContext("/jwks.json", exchange -> {
                host.fetches.incrementAndGet();
                sleep(host.delay);
                byte[] bytes = host.body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                if (host.cacheControl != null) {
                    exchange.getResponseHeaders().set("Cache-Control", host.cacheControl);
                }
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            return host;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    JwksHost serve(String jwks, String cacheControlHeader) {
        this.body = jwks;
        this.cacheControl = cacheControlHeader;
        return this;
    }

    JwksHost delay(Duration value) {
        this.delay = value;
        return this;
    }

    int fetches() {
        return fetches.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

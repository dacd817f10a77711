package org.openpayer.bulkexport.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.openpayer.bulkexport.model.route.Service;
import org.openpayer.bulkexport.stack.infra.FreePort;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stand-ins for the services: each answers with its name and what it received (method, raw URI, body size,
 * forwarding headers), and kick-offs answer 202 with a Content-Location, as export-service does. file-service's
 * upstream is a port nobody listens on, to see how the gateway reports a service that is down.
 */
public class EchoUpstreams implements QuarkusTestResourceLifecycleManager {

    private final List<HttpServer> servers = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (Service service : Service.values()) {
            String url = service == Service.FILE
                    ? "http://127.0.0.1:" + FreePort.find()
                    : "http://127.0.0.1:" + echo(service.serviceName());
            config.put("gateway.upstreams." + service.serviceName(), url);
        }
        config.put("gateway.connect-timeout", "PT2S");
        return config;
    }

    private int echo(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> answer(name, exchange));
            server.start();
            servers.add(server);
            return server.getAddress().getPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a fake upstream", e);
        }
    }

    private static void answer(String name, HttpExchange exchange) throws IOException {
        long bodyBytes;
        try (InputStream body = exchange.getRequestBody()) {
            bodyBytes = body.transferTo(OutputStream.nullOutputStream());
        }
        String json = "{\"service\":\"" + name + "\",\"method\":\"" + exchange.getRequestMethod()
                + "\",\"uri\":\"" + exchange.getRequestURI().toString().replace("\"", "\\\"")
                + "\",\"bodyBytes\":" + bodyBytes
                + ",\"forwardedFor\":\"" + exchange.getRequestHeaders().getFirst("X-Forwarded-For")
                + "\",\"authorization\":\"" + exchange.getRequestHeaders().getFirst("Authorization") + "\"}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        int status = 200;
        if (exchange.getRequestURI().getPath().endsWith("$export")) {
            exchange.getResponseHeaders().add("Content-Location", "http://localhost/fhir/bulkstatus/1");
            status = 202;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        servers.forEach(server -> server.stop(0));
    }
}

package org.openpayer.bulkexport.attribution.payerpull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openpayer.bulkexport.smartclient.ClientKey;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Another payer's server, as far as a pull talks to it, on loopback: a SMART token endpoint that verifies our client
 * assertion, {@code $member-match}, Patient-level {@code $export} kick-off, status and files. A real HTTP server, so
 * the pull's client runs exactly as against a real payer; each test sets up a {@link StubScenario} of its own (its own
 * path prefix) with the answers it needs, and reads the requests the pull made. A test class registers it as an
 * extension ({@code @RegisterExtension}): it serves while the class runs, each request on a thread of its own, so a
 * scenario that never answers holds up no other.
 */
final class StubPayer implements BeforeAllCallback, AfterAllCallback {

    static final String ACCESS_TOKEN = "stub-access-token";

    private final Map<String, StubScenario> scenarios = new ConcurrentHashMap<>();
    /** Released when the class is done: what answers that never come wait for. */
    private final CountDownLatch stopped = new CountDownLatch(1);
    private ExecutorService threads;
    private HttpServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        threads = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopped.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    /** A new scenario under {@code /{name}}: our client there is {@code clientId}, signing with {@code key}. */
    StubScenario scenario(String name, String clientId, ClientKey key) {
        StubScenario scenario = new StubScenario(name, clientId, key,
                "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name);
        scenarios.put(name, scenario);
        return scenario;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String[] segments = path.split("/", 3);
            StubScenario scenario = segments.length < 3 ? null : scenarios.get(segments[1]);
            if (scenario == null) {
                send(exchange, 404, "{}");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            scenario.requests.add(new StubScenario.Recorded(exchange.getRequestMethod(), path, authorization, body));
            String route = "/" + segments[2];
            if (route.equals("/token")) {
                token(exchange, scenario, body);
            } else if (!("Bearer " + ACCESS_TOKEN).equals(authorization)) {
                send(exchange, 401, outcome("login", "no valid token"));
            } else if (route.equals("/fhir/Patient/$member-match")) {
                memberMatch(exchange, scenario);
            } else if (route.equals("/fhir/Patient/$export")) {
                kickOff(exchange, scenario);
            } else if (route.startsWith("/fhir/status/")) {
                status(exchange, scenario);
            } else if (route.startsWith("/files/")) {
                file(exchange, scenario, route.substring("/files/".length()));
            } else {
                send(exchange, 404, outcome("not-found", "no route " + route));
            }
        }
    }

    /** Checks the client assertion as a SMART server does: signature, iss = sub = client id, aud = token URL. */
    private static void token(HttpExchange exchange, StubScenario scenario, String body) throws IOException {
        Map<String, String> form = Arrays.stream(body.split("&")).map(field -> field.split("=", 2))
                .collect(Collectors.toMap(field -> field[0],
                        field -> URLDecoder.decode(field.length > 1 ? field[1] : "", StandardCharsets.UTF_8)));
        try {
            new JwtConsumerBuilder().setVerificationKey(scenario.key.jwk().getPublicKey())
                    .setExpectedIssuer(scenario.clientId).setExpectedSubject(scenario.clientId)
                    .setExpectedAudience(scenario.tokenUrl()).setRequireExpirationTime().setRequireJwtId().build()
                    .process(form.get("client_assertion"));
        } catch (InvalidJwtException e) {
            send(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"bad assertion\"}");
            return;
        }
        if (scenario.tokenStatus != 200) {
            send(exchange, scenario.tokenStatus, "{\"error\":\"invalid_client\",\"error_description\":"
                    + "\"client disabled\"}");
            return;
        }
        send(exchange, 200, "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"bearer\","
                + "\"expires_in\":300,\"scope\":\"" + form.get("scope") + "\"}");
    }

    private void memberMatch(HttpExchange exchange, StubScenario scenario) throws IOException {
        if (scenario.matchHangs) {
            try {
                stopped.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        switch (scenario.matchStatus) {
            case 200 -> send(exchange, 200, matchAnswer(scenario));
            case 422 -> send(exchange, 422, outcome("not-found", "No member matches MemberPatient and "
                    + "CoverageToMatch."));
            default -> send(exchange, scenario.matchStatus, outcome("exception", "The member service failed."));
        }
    }

    private static String matchAnswer(StubScenario scenario) {
        return "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"MemberIdentifier\",\"valueIdentifier\":"
                + "{\"type\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/us/davinci-hrex/CodeSystem/hrex-temp\","
                + "\"code\":\"UMB\"}]},\"system\":\"http://old-payer.example/member\",\"value\":\"M-"
                + scenario.remoteMemberId + "\"}},{\"name\":\"MemberId\",\"valueReference\":{\"reference\":\""
                + scenario.fhirBase() + "/Patient/" + scenario.remoteMemberId + "\"}}]}";
    }

    private static void kickOff(HttpExchange exchange, StubScenario scenario) throws IOException {
        if (scenario.kickOffStatus != 202) {
            send(exchange, scenario.kickOffStatus, outcome("transient", "The export service is down."));
            return;
        }
        exchange.getResponseHeaders().add("Content-Location", scenario.fhirBase() + "/status/1");
        send(exchange, 202, "");
    }

    private static void status(HttpExchange exchange, StubScenario scenario) throws IOException {
        if ("DELETE".equals(exchange.getRequestMethod())) {
            send(exchange, 202, "");
            return;
        }
        if (scenario.pollStatus != 0) {
            send(exchange, scenario.pollStatus, outcome("exception", "The export job store failed."));
            return;
        }
        int poll = scenario.poll();
        if (scenario.pollsBeforeDone < 0 || poll <= scenario.pollsBeforeDone) {
            exchange.getResponseHeaders().add("X-Progress", "poll " + poll);
            exchange.getResponseHeaders().add("Retry-After", "1");
            send(exchange, 202, "");
            return;
        }
        StringBuilder output = new StringBuilder();
        for (String type : scenario.files.keySet()) {
            output.append(output.isEmpty() ? "" : ",").append("{\"type\":\"").append(type).append("\",\"url\":\"")
                    .append(scenario.base).append("/files/").append(type).append(".ndjson\"}");
        }
        String deleted = scenario.deletedLines.isEmpty() ? "" : "{\"type\":\"Bundle\",\"url\":\"" + scenario.base
                + "/files/deleted.ndjson\"}";
        send(exchange, 200, "{\"transactionTime\":\"2026-11-21T10:00:00Z\",\"request\":\"" + scenario.fhirBase()
                + "/Patient/$export\",\"requiresAccessToken\":true,\"output\":[" + output + "],\"deleted\":["
                + deleted + "],\"error\":[]}");
    }

    private static void file(HttpExchange exchange, StubScenario scenario, String name) throws IOException {
        String type = name.replace(".ndjson", "");
        if (scenario.failingFiles.contains(type)) {
            send(exchange, 500, outcome("exception", "The file store failed."));
            return;
        }
        List<String> lines = "deleted.ndjson".equals(name) ? scenario.deletedLines : scenario.files.get(type);
        if (lines == null) {
            send(exchange, 404, outcome("not-found", "no file " + name));
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/fhir+ndjson");
        send(exchange, 200, String.join("\n", lines) + "\n");
    }

    private static String outcome(String code, String diagnostics) {
        return "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"" + code
                + "\",\"diagnostics\":\"" + diagnostics + "\"}]}";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}

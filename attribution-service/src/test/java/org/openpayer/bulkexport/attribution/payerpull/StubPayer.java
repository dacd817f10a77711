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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Another payer's server, as far as a pull talks to it, on loopback: a SMART token endpoint that verifies our client
 * assertion, {@code $member-match}, Patient-level {@code $export} kick-off, status and files. A real HTTP server, so
 * the pull's client runs exactly as against a real payer; each test sets up a {@link Scenario} of its own (its own
 * path prefix) with the answers it needs, and reads the requests the pull made. A test class registers it as an
 * extension ({@code @RegisterExtension}): it serves while the class runs.
 */
final class StubPayer implements BeforeAllCallback, AfterAllCallback {

    static final String ACCESS_TOKEN = "stub-access-token";

    private final Map<String, Scenario> scenarios = new ConcurrentHashMap<>();
    private HttpServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop(0);
    }

    /** A new scenario under {@code /{name}}: our client there is {@code clientId}, signing with {@code key}. */
    Scenario scenario(String name, String clientId, ClientKey key) {
        Scenario scenario = new Scenario(name, clientId, key, "http://127.0.0.1:" + server.getAddress().getPort()
                + "/" + name);
        scenarios.put(name, scenario);
        return scenario;
    }

    /** One request the pull made. */
    record Recorded(String method, String path, String authorization, String body) {
    }

    /** What one stub payer answers; defaults make a pull succeed. */
    static final class Scenario {
        final String name;
        final String clientId;
        final ClientKey key;
        final String base;
        int tokenStatus = 200;
        int matchStatus = 200;
        String remoteMemberId = "r-1";
        int kickOffStatus = 202;
        /** Status polls answered 202 before the manifest; {@code -1}: never done. */
        int pollsBeforeDone = 1;
        final Map<String, List<String>> files = new LinkedHashMap<>();
        final List<String> deletedLines = new ArrayList<>();
        final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger polls = new AtomicInteger();

        private Scenario(String name, String clientId, ClientKey key, String base) {
            this.name = name;
            this.clientId = clientId;
            this.key = key;
            this.base = base;
        }

        String fhirBase() {
            return base + "/fhir";
        }

        String tokenUrl() {
            return base + "/token";
        }

        Scenario file(String type, String... lines) {
            files.computeIfAbsent(type, t -> new ArrayList<>()).addAll(Arrays.asList(lines));
            return this;
        }

        List<Recorded> requestsTo(String pathSuffix) {
            synchronized (requests) {
                return requests.stream().filter(request -> request.path().endsWith(pathSuffix)).toList();
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String[] segments = path.split("/", 3);
            Scenario scenario = segments.length < 3 ? null : scenarios.get(segments[1]);
            if (scenario == null) {
                send(exchange, 404, "{}");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            scenario.requests.add(new Recorded(exchange.getRequestMethod(), path, authorization, body));
            String route = "/" + segments[2];
            if (route.equals("/token")) {
                token(exchange, scenario, body);
            } else if (!("Bearer " + ACCESS_TOKEN).equals(authorization)) {
                send(exchange, 401, outcome("login", "no valid token"));
            } else if (route.equals("/fhir/Patient/$member-match")) {
                send(exchange, scenario.matchStatus, scenario.matchStatus == 200 ? matchAnswer(scenario)
                        : outcome("not-found", "No member matches MemberPatient and CoverageToMatch."));
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
    private static void token(HttpExchange exchange, Scenario scenario, String body) throws IOException {
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

    private static String matchAnswer(Scenario scenario) {
        return "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"MemberIdentifier\",\"valueIdentifier\":"
                + "{\"type\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/us/davinci-hrex/CodeSystem/hrex-temp\","
                + "\"code\":\"UMB\"}]},\"system\":\"http://old-payer.example/member\",\"value\":\"M-"
                + scenario.remoteMemberId + "\"}},{\"name\":\"MemberId\",\"valueReference\":{\"reference\":\""
                + scenario.fhirBase() + "/Patient/" + scenario.remoteMemberId + "\"}}]}";
    }

    private static void kickOff(HttpExchange exchange, Scenario scenario) throws IOException {
        if (scenario.kickOffStatus != 202) {
            send(exchange, scenario.kickOffStatus, outcome("transient", "The export service is down."));
            return;
        }
        exchange.getResponseHeaders().add("Content-Location", scenario.fhirBase() + "/status/1");
        send(exchange, 202, "");
    }

    private static void status(HttpExchange exchange, Scenario scenario) throws IOException {
        if ("DELETE".equals(exchange.getRequestMethod())) {
            send(exchange, 202, "");
            return;
        }
        int poll = scenario.polls.incrementAndGet();
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

    private static void file(HttpExchange exchange, Scenario scenario, String name) throws IOException {
        List<String> lines = "deleted.ndjson".equals(name) ? scenario.deletedLines
                : scenario.files.get(name.replace(".ndjson", ""));
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

package org.openpayer.bulkexport.gateway;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.model.fhir.OperationOutcomes;
import org.openpayer.bulkexport.model.route.RouteTable;
import org.openpayer.bulkexport.model.route.Service;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Forwards a request to the service the route table names, streaming both bodies with back-pressure, so a file
 * download or a bulk upload passes through in constant memory. Hop-by-hop headers stay on their own hop; the original
 * client and host travel as {@code X-Forwarded-*}. Paths that match no route are left to the next handler.
 */
final class ReverseProxy {

    private static final Logger LOG = Logger.getLogger(ReverseProxy.class);
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");
    private static final Pattern ENCODED_OPERATION = Pattern.compile("/%24", Pattern.CASE_INSENSITIVE);

    private final HttpClient client;
    private final Upstreams upstreams;

    ReverseProxy(HttpClient client, Upstreams upstreams) {
        this.client = client;
        this.upstreams = upstreams;
    }

    void handle(RoutingContext context) {
        Optional<Service> service = RouteTable.serviceFor(routingPath(context.request().path()));
        if (service.isEmpty()) {
            context.next();
            return;
        }
        forward(context.request(), upstreams.of(service.get()));
    }

    /** Operation names may arrive percent-encoded ({@code %24export}); routing compares them decoded. */
    static String routingPath(String rawPath) {
        return ENCODED_OPERATION.matcher(rawPath).replaceAll("/\\$");
    }

    private void forward(HttpServerRequest request, URI upstream) {
        request.pause();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(upstream.getHost())
                .setPort(upstream.getPort() > 0 ? upstream.getPort() : 80)
                .setURI(RequestTargets.encodeDisallowed(request.uri()))
                .setHeaders(forwardedHeaders(request));
        client.request(options)
                .compose(outbound -> outbound.send(request))
                .onSuccess(inbound -> relay(inbound, request.response()))
                .onFailure(failure -> {
                    LOG.warnf("upstream %s failed for %s %s: %s", upstream, request.method(), request.path(),
                            failure.getMessage());
                    request.resume();
                    fail(request.response(), 502, IssueType.TRANSIENT,
                            "The service behind this path is not reachable right now; try again shortly.");
                });
    }

    private static MultiMap forwardedHeaders(HttpServerRequest request) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        request.headers().forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String priorFor = request.getHeader("X-Forwarded-For");
        headers.set("X-Forwarded-For", priorFor == null ? client : priorFor + ", " + client);
        headers.set("X-Forwarded-Proto", request.scheme());
        if (request.authority() != null) {
            headers.set("X-Forwarded-Host", request.authority().toString());
        }
        return headers;
    }

    private static void relay(HttpClientResponse inbound, HttpServerResponse response) {
        response.setStatusCode(inbound.statusCode());
        inbound.headers().forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                response.headers().add(header.getKey(), header.getValue());
            }
        });
        if (!response.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            response.setChunked(true);
        }
        inbound.pipeTo(response);
    }

    static void fail(HttpServerResponse response, int status, IssueType issue, String diagnostics) {
        if (response.headWritten()) {
            response.reset();
            return;
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, FhirMediaType.FHIR_JSON)
                .end(OperationOutcomes.toJsonLine(OperationOutcomes.error(issue, diagnostics)));
    }
}

package org.openpayer.bulkexport.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.openpayer.bulkexport.model.fhir.IssueType;

/**
 * Installs the gateway on the HTTP router: the reverse proxy first, for every path the route table knows, and last
 * an OperationOutcome 404 for public paths it does not know. The framework's own endpoints ({@code /q/health}) stay
 * in between, for the platform's probes.
 */
@ApplicationScoped
public class GatewayRoutes {

    void install(@Observes Router router, Vertx vertx, GatewayConfig config) {
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.idleTimeout().toSeconds())
                .setKeepAlive(true)
                .setMaxPoolSize(64);
        ReverseProxy proxy = new ReverseProxy(vertx.createHttpClient(options), new Upstreams(config));
        router.route().order(-100).handler(proxy::handle);
        router.route().last().handler(context -> {
            if (context.request().path().startsWith("/q/")) {
                context.next();
                return;
            }
            ReverseProxy.fail(context.response(), 404, IssueType.NOT_FOUND,
                    "No public resource at " + context.request().path() + "; the FHIR API is under /fhir.");
        });
    }
}

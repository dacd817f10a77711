package org.openpayer.bulkexport.gateway;

import org.openpayer.bulkexport.model.route.Service;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/** The configured base URL of every service; a service without one stops the gateway at start-up. */
final class Upstreams {

    private final Map<Service, URI> byService = new EnumMap<>(Service.class);

    Upstreams(GatewayConfig config) {
        for (Service service : Service.values()) {
            String url = config.upstreams().get(service.serviceName());
            if (url == null || url.isBlank()) {
                throw new IllegalStateException("no upstream configured for " + service.serviceName()
                        + " (gateway.upstreams." + service.serviceName() + ")");
            }
            URI uri = URI.create(url);
            if (uri.getHost() == null) {
                throw new IllegalStateException("upstream of " + service.serviceName() + " is not absolute: " + url);
            }
            byService.put(service, uri);
        }
    }

    URI of(Service service) {
        return byService.get(service);
    }
}

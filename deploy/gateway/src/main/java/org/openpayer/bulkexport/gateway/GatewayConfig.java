package org.openpayer.bulkexport.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** Where the gateway sends each service's traffic; the routes themselves are shared-model's {@code RouteTable}. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Base URL of each service, keyed by its service name ({@code auth-service}, ...). */
    Map<String, String> upstreams();

    @WithDefault("PT5S")
    Duration connectTimeout();

    /** A connection idle this long is dropped; large downloads keep theirs busy. */
    @WithDefault("PT120S")
    Duration idleTimeout();
}

package org.openpayer.bulkexport.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.model.route.Service;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

class UpstreamsTest {

    @Test
    void upstreams_everyServiceConfigured_resolvesEach() {
        Upstreams upstreams = new Upstreams(config(allServices()));

        assertThat(upstreams.of(Service.EXPORT).toString()).isEqualTo("http://export-service:8080");
    }

    @Test
    void upstreams_serviceMissing_stopsStartUp() {
        Map<String, String> urls = allServices();
        urls.remove("file-service");

        assertThatThrownBy(() -> new Upstreams(config(urls)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("file-service");
    }

    @Test
    void upstreams_relativeUrl_stopsStartUp() {
        Map<String, String> urls = allServices();
        urls.put("auth-service", "auth-service:8080");

        assertThatThrownBy(() -> new Upstreams(config(urls))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void routingPath_decodesOperationNamesOnly() {
        assertThat(ReverseProxy.routingPath("/fhir/Group/a%20b/%24export")).isEqualTo("/fhir/Group/a%20b/$export");
        assertThat(ReverseProxy.routingPath("/fhir/Group/x/%24davinci-data-export"))
                .isEqualTo("/fhir/Group/x/$davinci-data-export");
    }

    private static Map<String, String> allServices() {
        Map<String, String> urls = new HashMap<>();
        for (Service service : Service.values()) {
            urls.put(service.serviceName(), "http://" + service.serviceName() + ":8080");
        }
        return urls;
    }

    private static GatewayConfig config(Map<String, String> upstreams) {
        return new GatewayConfig() {
            @Override
            public Map<String, String> upstreams() {
                return upstreams;
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Duration idleTimeout() {
                return Duration.ofSeconds(120);
            }
        };
    }
}

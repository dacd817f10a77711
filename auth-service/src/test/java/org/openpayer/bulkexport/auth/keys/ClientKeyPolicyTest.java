package org.openpayer.bulkexport.auth.keys;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.rest.FhirException;

import java.time.Duration;

class ClientKeyPolicyTest {

    @Test
    void production_acceptsHttpsOnly() {
        ClientKeyPolicy production = new ClientKeyPolicy(settings(false));

        assertThatCode(() -> production.requireAllowedJwksUrl("https://clinic.example/jwks.json"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> production.requireAllowedJwksUrl("http://127.0.0.1:9999/jwks.json"))
                .isInstanceOf(FhirException.class);
    }

    @Test
    void localAllowance_acceptsHttpToLoopbackOnly() {
        ClientKeyPolicy local = new ClientKeyPolicy(settings(true));

        assertThatCode(() -> local.requireAllowedJwksUrl("http://127.0.0.1:9999/jwks.json"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> local.requireAllowedJwksUrl("http://clinic.example/jwks.json"))
                .isInstanceOf(FhirException.class);
    }

    @Test
    void relativeOrMalformedUrls_areRefused() {
        ClientKeyPolicy production = new ClientKeyPolicy(settings(false));

        assertThatThrownBy(() -> production.requireAllowedJwksUrl("/jwks.json")).isInstanceOf(FhirException.class);
        assertThatThrownBy(() -> production.requireAllowedJwksUrl("https://bad host/")).isInstanceOf(
                FhirException.class);
    }

    private static ClientJwksSettings settings(boolean allowLoopbackHttp) {
        return new ClientJwksSettings() {
            @Override
            public boolean allowLoopbackHttp() {
                return allowLoopbackHttp;
            }

            @Override
            public Duration fetchTimeout() {
                return Duration.ofSeconds(5);
            }

            @Override
            public int maxBytes() {
                return 65536;
            }

            @Override
            public Duration defaultCacheTime() {
                return Duration.ofMinutes(5);
            }

            @Override
            public Duration maxCacheTime() {
                return Duration.ofHours(1);
            }

            @Override
            public Duration refetchMinInterval() {
                return Duration.ofSeconds(10);
            }
        };
    }
}

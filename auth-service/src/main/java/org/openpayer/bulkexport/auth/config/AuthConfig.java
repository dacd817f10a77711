package org.openpayer.bulkexport.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of auth-service; each comes from an environment variable with a local default (application.properties). */
@ConfigMapping(prefix = "auth")
public interface AuthConfig {

    /** Token settings. */
    Token token();

    interface Token {
        /** How long an access token lives; SMART says at most five minutes. */
        @WithDefault("PT5M")
        Duration lifetime();

        /** Allowance for clock differences when checking a client assertion's {@code exp}. */
        @WithDefault("PT60S")
        Duration clockSkew();
    }
}

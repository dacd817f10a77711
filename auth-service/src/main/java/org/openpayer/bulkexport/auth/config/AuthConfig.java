package org.openpayer.bulkexport.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of auth-service; each comes from an environment variable with a local default (application.properties). */
@ConfigMapping(prefix = "auth")
public interface AuthConfig {

    /** Token settings. */
    Token token();

    /** How our token-signing keys rotate. */
    SigningKeys signingKeys();

    interface Token {
        /** How long an access token lives; SMART says at most five minutes. */
        @WithDefault("PT5M")
        Duration lifetime();

        /** Allowance for clock differences when checking a client assertion's {@code exp}. */
        @WithDefault("PT60S")
        Duration clockSkew();
    }

    interface SigningKeys {
        /** A new key is published this often; the old one signs until the new one takes over. */
        @WithDefault("P30D")
        Duration rotationPeriod();

        /**
         * How long a new key is published before it signs: longer than one key reload here (30 s) plus one JWKS
         * refresh at the resource servers (1 min), so none of them meets a token signed by a key it has not fetched.
         */
        @WithDefault("PT3M")
        Duration publishAhead();
    }
}

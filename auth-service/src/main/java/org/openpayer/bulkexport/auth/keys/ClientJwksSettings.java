package org.openpayer.bulkexport.auth.keys;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings for clients' JWKS URLs: which are accepted, and how they are fetched and cached. */
@ConfigMapping(prefix = "auth.client-jwks")
public interface ClientJwksSettings {

    /** Whether http (not https) JWKS URLs to loopback addresses are accepted: local stacks and tests only. */
    @WithDefault("false")
    boolean allowLoopbackHttp();

    /** Connect plus read timeout for fetching a client's JWKS. */
    @WithDefault("PT5S")
    Duration fetchTimeout();

    /** Larger documents are refused: a JWKS is a few kilobytes. */
    @WithDefault("65536")
    int maxBytes();

    /** How long a fetched JWKS is reused when its response has no {@code Cache-Control} max-age. */
    @WithDefault("PT5M")
    Duration defaultCacheTime();

    /** The longest a fetched JWKS is reused, whatever its {@code Cache-Control} allows. */
    @WithDefault("PT1H")
    Duration maxCacheTime();

    /**
     * An assertion with a kid the cached JWKS lacks makes us refetch (the client may have rotated its keys), at most
     * this often per URL, so assertions with made-up kids cannot turn us into a flood against the client's server.
     */
    @WithDefault("PT10S")
    Duration refetchMinInterval();
}

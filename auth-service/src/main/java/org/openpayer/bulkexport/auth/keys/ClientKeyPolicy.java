package org.openpayer.bulkexport.auth.keys;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.rest.FhirException;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Which JWKS URLs clients may register and how they are fetched. Production allows https only; a local stack may
 * allow plain http to loopback addresses, where test clients publish their keys.
 */
@ApplicationScoped
public class ClientKeyPolicy {

    private final Settings settings;

    public ClientKeyPolicy(Settings settings) {
        this.settings = settings;
    }

    public void requireAllowedJwksUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw FhirException.badRequest("jwksUrl is not a URL: " + url);
        }
        if (uri.getHost() == null) {
            throw FhirException.badRequest("jwksUrl must be absolute: " + url);
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean loopbackHttp = "http".equalsIgnoreCase(uri.getScheme()) && settings.allowLoopbackHttp()
                && isLoopback(uri.getHost());
        if (!https && !loopbackHttp) {
            throw FhirException.badRequest("jwksUrl must use https" + (settings.allowLoopbackHttp()
                    ? " (or http to a loopback address)" : "") + ": " + url);
        }
    }

    Duration fetchTimeout() {
        return settings.fetchTimeout();
    }

    int maxBytes() {
        return settings.maxBytes();
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Settings for clients' JWKS URLs. */
    @ConfigMapping(prefix = "auth.client-jwks")
    public interface Settings {
        /** Whether http (not https) JWKS URLs to loopback addresses are accepted: local stacks and tests only. */
        @WithDefault("false")
        boolean allowLoopbackHttp();

        /** Connect plus read timeout for fetching a client's JWKS. */
        @WithDefault("PT5S")
        Duration fetchTimeout();

        /** Larger documents are refused: a JWKS is a few kilobytes. */
        @WithDefault("65536")
        int maxBytes();
    }
}

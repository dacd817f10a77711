package org.openpayer.bulkexport.auth.keys;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.rest.FhirException;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Which JWKS URLs clients may register. Production allows https only; a local stack may allow plain http to loopback
 * addresses, where test clients publish their keys.
 */
@ApplicationScoped
public class ClientKeyPolicy {

    private final boolean allowLoopbackHttp;

    public ClientKeyPolicy(ClientJwksSettings settings) {
        this.allowLoopbackHttp = settings.allowLoopbackHttp();
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
        boolean loopbackHttp = "http".equalsIgnoreCase(uri.getScheme()) && allowLoopbackHttp
                && isLoopback(uri.getHost());
        if (!https && !loopbackHttp) {
            throw FhirException.badRequest("jwksUrl must use https"
                    + (allowLoopbackHttp ? " (or http to a loopback address)" : "") + ": " + url);
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

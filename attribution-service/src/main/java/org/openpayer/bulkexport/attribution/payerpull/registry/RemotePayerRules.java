package org.openpayer.bulkexport.attribution.payerpull.registry;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.attribution.config.AttributionConfig;
import org.openpayer.bulkexport.model.security.InvalidScopeException;
import org.openpayer.bulkexport.model.security.ScopeSet;
import org.openpayer.bulkexport.model.security.SmartScope;
import org.openpayer.bulkexport.rest.FhirException;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.UUID;

/**
 * What a registered payer must satisfy, checked when operators write it, so a pull never fails on something the
 * registration could have caught: URLs we may call (https; http to loopback only where allowed), scopes a SMART
 * server can grant, and a private key reference that resolves to a usable key. Each problem is a 400 naming it.
 */
@ApplicationScoped
public class RemotePayerRules {

    static final String DEFAULT_SCOPE = "system/*.rs";

    private final boolean allowLoopbackHttp;
    private final PrivateKeySource keys;

    public RemotePayerRules(AttributionConfig config, PrivateKeySource keys) {
        this.allowLoopbackHttp = config.payerPull().allowLoopbackHttp();
        this.keys = keys;
    }

    /** The registration as stored under {@code id}. */
    RemotePayer check(UUID id, RemotePayerRegistration registration) {
        if (registration == null) {
            throw FhirException.badRequest("The request needs a JSON body.");
        }
        String name = text("name", registration.name(), 200);
        String fhirBaseUrl = url("fhirBaseUrl", registration.fhirBaseUrl());
        String tokenUrl = url("tokenUrl", registration.tokenUrl());
        String clientId = text("clientId", registration.clientId(), 256);
        String scope = scope(registration.scope());
        try {
            keys.load(registration.privateKey());
        } catch (PrivateKeySource.UnavailableKeyException e) {
            throw FhirException.badRequest("privateKey: " + e.getMessage());
        }
        return new RemotePayer(id, name, fhirBaseUrl.replaceAll("/+$", ""), tokenUrl, clientId, scope,
                registration.privateKey(), identifiers(registration.identifiers()));
    }

    private static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw FhirException.badRequest(field + " needs 1 to " + maxLength + " characters.");
        }
        return value.strip();
    }

    /** Absolute, no user info, query or fragment; https, or http to a loopback address where allowed. */
    private String url(String field, String value) {
        URI uri;
        try {
            uri = new URI(text(field, value, 2000));
        } catch (URISyntaxException e) {
            throw FhirException.badRequest(field + " is not a URL: " + value);
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw FhirException.badRequest(field + " must be an absolute URL without user info, query or fragment: "
                    + value);
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean loopbackHttp = allowLoopbackHttp && "http".equalsIgnoreCase(uri.getScheme())
                && isLoopback(uri.getHost());
        if (!https && !loopbackHttp) {
            throw FhirException.badRequest(field + " must use https"
                    + (allowLoopbackHttp ? " (or http to a loopback address)" : "") + ": " + value);
        }
        return uri.toString();
    }

    private static String scope(String scope) {
        String requested = scope == null || scope.isBlank() ? DEFAULT_SCOPE : scope.strip();
        try {
            if (!ScopeSet.parse(requested).scopes().stream().allMatch(SmartScope::isSystem)) {
                throw FhirException.badRequest("scope: backend services ask for system/ scopes only.");
            }
            return requested;
        } catch (InvalidScopeException e) {
            throw FhirException.badRequest("scope: " + e.getMessage());
        }
    }

    private static List<String> identifiers(List<String> identifiers) {
        for (String identifier : identifiers) {
            int bar = identifier == null ? -1 : identifier.indexOf('|');
            if (bar <= 0 || bar == identifier.length() - 1) {
                throw FhirException.badRequest("identifiers are written system|value: " + identifier);
            }
        }
        return identifiers;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

package org.openpayer.bulkexport.attribution.payerpull.registry;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Another payer we pull members' data from, as operators registered it.
 *
 * @param id            the registry id, which a pull names
 * @param name          for people: Task, logs, Provenance display
 * @param fhirBaseUrl   its FHIR base URL, without a trailing slash
 * @param tokenUrl      its SMART token endpoint
 * @param clientId      our client id there
 * @param scope         the scopes we ask for
 * @param privateKeyRef where our private key for that client is kept ({@link PrivateKeySource}); never the key
 * @param identifiers   its {@code system|value} identifiers, e.g. its NPI
 */
public record RemotePayer(UUID id, String name, String fhirBaseUrl, String tokenUrl, String clientId, String scope,
                          String privateKeyRef, List<String> identifiers) {

    public RemotePayer {
        identifiers = List.copyOf(identifiers);
    }

    /**
     * The origins ({@code scheme://host:port}) we may call for this payer: its FHIR API's and its token endpoint's.
     * Status and file URLs its answers name must be on one of them, so a remote answer cannot send us elsewhere.
     */
    public Set<String> origins() {
        return Set.copyOf(List.of(origin(fhirBaseUrl), origin(tokenUrl)));
    }

    /** {@code scheme://host:port} of an absolute URL, with the default port made explicit. */
    public static String origin(String url) {
        URI uri = URI.create(url);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getScheme().toLowerCase() + "://" + uri.getHost().toLowerCase() + ":" + port;
    }
}

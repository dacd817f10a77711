package org.openpayer.bulkexport.model.route;

import java.util.UUID;

/**
 * Absolute URLs under the suite's public base URL, the only URL a deployment configures. Every URL a client sees
 * (token endpoint, {@code Content-Location}, manifest file URLs) is made here, from the configured base and never from
 * the request, because a gateway or proxy in between changes what the request looks like.
 */
public record PublicUrls(String baseUrl) {

    public PublicUrls {
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("the public base URL must be absolute: " + baseUrl);
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The token endpoint, which is also the {@code aud} every client assertion must carry. */
    public String tokenUrl() {
        return baseUrl + PublicPaths.TOKEN;
    }

    /** The {@code iss} of our access tokens. */
    public String issuer() {
        return baseUrl + PublicPaths.AUTH;
    }

    /** The FHIR base, also the {@code aud} of our access tokens. */
    public String fhirBase() {
        return baseUrl + PublicPaths.FHIR;
    }

    public String jwksUrl() {
        return baseUrl + PublicPaths.JWKS;
    }

    public String exportStatus(UUID jobId) {
        return baseUrl + PublicPaths.BULK_STATUS + "/" + jobId;
    }

    public String bulkMemberMatchStatus(UUID jobId) {
        return baseUrl + PublicPaths.BULK_MEMBER_MATCH_STATUS + "/" + jobId;
    }

    public String exportFile(UUID jobId, String fileName) {
        return baseUrl + PublicPaths.FILES + "/" + jobId + "/" + fileName;
    }
}

package org.openpayer.bulkexport.model.route;

/**
 * The public paths clients call under the suite's one base URL. Services use these constants in their
 * {@code @Path}s and when they build absolute URLs, and {@link RouteTable} routes them, so a path is written once.
 */
public final class PublicPaths {

    /** The FHIR API base, relative to the public base URL. */
    public static final String FHIR = "/fhir";
    public static final String SMART_CONFIGURATION = "/.well-known/smart-configuration";
    public static final String AUTH = "/auth";
    public static final String TOKEN = AUTH + "/token";
    /** The public keys that sign access tokens. */
    public static final String JWKS = AUTH + "/jwks";
    /** Export job status: {@code BULK_STATUS/{jobId}}, the kick-off's {@code Content-Location}. */
    public static final String BULK_STATUS = FHIR + "/bulkstatus";
    /**
     * PDex {@code $bulk-member-match} status: {@code BULK_MEMBER_MATCH_STATUS/{jobId}}, that kick-off's
     * {@code Content-Location}. Not under {@link #BULK_STATUS}: attribution-service answers it, not export-service.
     */
    public static final String BULK_MEMBER_MATCH_STATUS = FHIR + "/bulk-member-match-status";
    /** Export files: {@code FILES/{jobId}/{fileName}}, the manifest's output URLs. */
    public static final String FILES = "/files";

    private PublicPaths() {
    }
}

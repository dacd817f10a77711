package org.openpayer.bulkexport.model.security;

/**
 * How operators authenticate to the admin APIs (client registration, bulk loads): a key in a header of its own, so it
 * can never be confused with a provider's bearer token.
 */
public final class AdminCredentials {

    public static final String HEADER = "X-Admin-Key";

    private AdminCredentials() {
    }
}

package org.openpayer.bulkexport.auth.token;

/**
 * An RFC 6749 §5.2 error of the token endpoint. The description is returned to the client, so it names the rule that
 * failed without revealing key material or internals.
 */
public class OAuthError extends RuntimeException {

    private final int status;
    private final String error;

    private OAuthError(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    /** Every client authentication failure; SMART allows 400 or 401, and Inferno accepts both. */
    public static OAuthError invalidClient(String description) {
        return new OAuthError(401, "invalid_client", description);
    }

    public static OAuthError invalidScope(String description) {
        return new OAuthError(400, "invalid_scope", description);
    }

    public static OAuthError unsupportedGrantType(String description) {
        return new OAuthError(400, "unsupported_grant_type", description);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}

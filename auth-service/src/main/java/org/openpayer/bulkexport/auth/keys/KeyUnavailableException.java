package org.openpayer.bulkexport.auth.keys;

/**
 * A client's keys could not be obtained; the token endpoint answers invalid_client like any other authentication
 * failure. The message is safe to return to the client.
 */
public class KeyUnavailableException extends RuntimeException {

    public KeyUnavailableException(String message) {
        super(message, null, false, false);
    }
}

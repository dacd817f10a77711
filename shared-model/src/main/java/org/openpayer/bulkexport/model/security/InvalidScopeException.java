package org.openpayer.bulkexport.model.security;

/** A scope string that is not a SMART v1 or v2 resource scope; the token endpoint answers it with invalid_scope. */
public class InvalidScopeException extends IllegalArgumentException {

    public InvalidScopeException(String message) {
        super(message);
    }
}

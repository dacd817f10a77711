package org.openpayer.bulkexport.auth.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A client's new key source, for rotation: either a JWKS URL (the client then rotates by publishing new keys there)
 * or an inline JWKS that replaces the stored one. During a rotation an inline set holds the old and the new key.
 */
public record ClientKeysUpdate(String jwksUrl, JsonNode jwks) {
}

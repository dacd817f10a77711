package org.openpayer.bulkexport.auth.keys;

import org.jose4j.jwk.JsonWebKey;

import java.time.Duration;
import java.util.List;

/**
 * A client's JWKS as fetched from its URL.
 *
 * @param keys        the keys of the set
 * @param reusableFor how long the response's {@code Cache-Control} lets us reuse it
 */
record FetchedJwks(List<JsonWebKey> keys, Duration reusableFor) {

    FetchedJwks {
        keys = List.copyOf(keys);
    }
}

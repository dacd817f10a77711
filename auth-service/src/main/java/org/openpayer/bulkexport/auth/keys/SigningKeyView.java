package org.openpayer.bulkexport.auth.keys;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** A signing key as operators see it: never its private half. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SigningKeyView(String kid, String algorithm, Instant createdAt, Instant signsFrom, Instant retiredAt) {

    static SigningKeyView of(SigningKey key) {
        return new SigningKeyView(key.kid, key.algorithm, key.createdAt, key.signsFrom, key.retiredAt);
    }
}

package org.openpayer.bulkexport.auth.keys;

import java.time.Instant;

/** When a published signing key starts signing: all the rotation schedule needs to know about it. */
record KeyPeriod(String kid, Instant signsFrom) {
}

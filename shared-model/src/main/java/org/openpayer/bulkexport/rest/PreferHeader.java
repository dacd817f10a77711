package org.openpayer.bulkexport.rest;

import java.util.Arrays;
import java.util.Locale;

/** The FHIR uses of the HTTP {@code Prefer} header (RFC 7240) besides {@code respond-async}. */
public final class PreferHeader {

    private PreferHeader() {
    }

    /** {@code handling=lenient}: ignore what is not understood instead of refusing the request. */
    public static boolean lenient(String header) {
        return has(header, "handling=lenient");
    }

    /** {@code return=minimal}: the client wants no resource in the response body. */
    public static boolean returnMinimal(String header) {
        return has(header, "return=minimal");
    }

    private static boolean has(String header, String preference) {
        return header != null && Arrays.stream(header.split("[,;]"))
                .map(part -> part.trim().toLowerCase(Locale.ROOT).replace("\"", ""))
                .anyMatch(preference::equals);
    }
}

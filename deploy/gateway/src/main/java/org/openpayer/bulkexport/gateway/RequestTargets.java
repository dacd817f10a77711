package org.openpayer.bulkexport.gateway;

import java.nio.charset.StandardCharsets;

/**
 * Makes a request target valid before it goes upstream. FHIR clients often send characters RFC 3986 does not allow
 * unencoded, above all the {@code |} of token searches ({@code identifier=system|value}). The gateway accepts them
 * (it runs with Quarkus's URI validation off, and only ever routes and forwards) and percent-encodes each one, so the
 * services behind it, which keep strict validation, always receive a valid URI. Existing escapes are left as they
 * are.
 */
final class RequestTargets {

    private static final String ALLOWED_PUNCTUATION = "-._~:/?@!$&'()*+,;=%";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RequestTargets() {
    }

    static String encodeDisallowed(String requestTarget) {
        StringBuilder encoded = null;
        for (int i = 0; i < requestTarget.length(); i++) {
            char c = requestTarget.charAt(i);
            if (isAllowed(c)) {
                if (encoded != null) {
                    encoded.append(c);
                }
                continue;
            }
            if (encoded == null) {
                encoded = new StringBuilder(requestTarget.length() + 16).append(requestTarget, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < requestTarget.length() ? i + 2 : i + 1;
            for (byte b : requestTarget.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                encoded.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
            i = end - 1;
        }
        return encoded == null ? requestTarget : encoded.toString();
    }

    private static boolean isAllowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || ALLOWED_PUNCTUATION.indexOf(c) >= 0;
    }
}

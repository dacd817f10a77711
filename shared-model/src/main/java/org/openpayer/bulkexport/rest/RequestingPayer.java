package org.openpayer.bulkexport.rest;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openpayer.bulkexport.model.security.AccessTokenClaims;

import java.util.Optional;
import java.util.Set;

/**
 * The health plan a payer-to-payer client acts for, as its verified access token names it ({@code payer_identifiers}:
 * operators register it with the client). A member's Consent names the payer it may disclose to by identifier, so
 * this is how the server tells whether the caller is that payer; clients registered without it are not payers.
 *
 * @param identifiers {@code system|value} identifiers, e.g. {@code http://hl7.org/fhir/sid/us-npi|0123456789}
 */
public record RequestingPayer(Set<String> identifiers) {

    public RequestingPayer {
        identifiers = Set.copyOf(identifiers);
    }

    /** The payer the token names, or empty when the client is not registered as a payer. */
    public static Optional<RequestingPayer> from(JsonWebToken token) {
        Set<String> identifiers = Caller.strings(token.getClaim(AccessTokenClaims.PAYER_IDENTIFIERS));
        return identifiers.isEmpty() ? Optional.empty() : Optional.of(new RequestingPayer(identifiers));
    }

    /** Whether the identifier {@code system|value} is one of this payer's. */
    public boolean isIdentifiedBy(String system, String value) {
        return system != null && value != null && identifiers.contains(system + "|" + value);
    }
}

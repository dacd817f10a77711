package org.openpayer.bulkexport.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.model.security.AccessTokenClaims;

import java.util.List;
import java.util.Map;
import java.util.Set;

class RequestingPayerTest {

    @Test
    void from_tokenWithPayerIdentifiers_namesThePayer() {
        JsonWebToken token = tokenWith(Map.of(AccessTokenClaims.PAYER_IDENTIFIERS,
                List.of("http://hl7.org/fhir/sid/us-npi|0123456789")));

        RequestingPayer payer = RequestingPayer.from(token).orElseThrow();

        assertThat(payer.isIdentifiedBy("http://hl7.org/fhir/sid/us-npi", "0123456789")).isTrue();
        assertThat(payer.isIdentifiedBy("http://hl7.org/fhir/sid/us-npi", "9876543210")).isFalse();
        assertThat(payer.isIdentifiedBy(null, "0123456789")).isFalse();
    }

    @Test
    void from_tokenWithoutPayerIdentifiers_isEmpty() {
        assertThat(RequestingPayer.from(tokenWith(Map.of()))).isEmpty();
        assertThat(RequestingPayer.from(tokenWith(Map.of(AccessTokenClaims.PAYER_IDENTIFIERS, List.of()))))
                .isEmpty();
    }

    private static JsonWebToken tokenWith(Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "client";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }
}

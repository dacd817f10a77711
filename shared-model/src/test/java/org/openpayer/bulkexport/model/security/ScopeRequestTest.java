package org.openpayer.bulkexport.model.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeRequestTest {

    @Test
    void parse_resourceScopes_takePartInTheGrant() {
        ScopeRequest request = ScopeRequest.parse("system/Patient.rs system/Coverage.read");

        assertThat(request.resourceScopes().render()).isEqualTo("system/Patient.rs system/Coverage.read");
        assertThat(request.omitted()).isEmpty();
    }

    @Test
    void parse_granularScope_isOmittedNotWidened() {
        ScopeRequest request = ScopeRequest.parse("system/Observation.rs?category=laboratory system/Patient.rs");

        assertThat(request.resourceScopes().render()).isEqualTo("system/Patient.rs");
        assertThat(request.omitted()).containsExactly("system/Observation.rs?category=laboratory");
    }

    @Test
    void parse_launchAndOpenIdScopes_areOmitted() {
        ScopeRequest request = ScopeRequest.parse("openid fhirUser launch/patient offline_access system/*.rs");

        assertThat(request.resourceScopes().render()).isEqualTo("system/*.rs");
        assertThat(request.omitted()).containsExactly("openid", "fhirUser", "launch/patient", "offline_access");
    }

    @ParameterizedTest
    @ValueSource(strings = {"system/Patient.sr?a=b", "system/Patient.read?a=b", "system/Patient.rs?", "bogus"})
    void parse_malformedScope_isInvalid(String scope) {
        assertThatThrownBy(() -> ScopeRequest.parse(scope)).isInstanceOf(InvalidScopeException.class);
    }
}

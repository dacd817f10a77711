package org.openpayer.bulkexport.model.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/.well-known/smart-configuration, AUTH",
            "/fhir/.well-known/smart-configuration, AUTH",
            "/auth/token, AUTH",
            "/auth/jwks, AUTH",
            "/fhir/$export, EXPORT",
            "/fhir/Patient/$export, EXPORT",
            "/fhir/Group/east-1/$export, EXPORT",
            "/fhir/Group/east-1/$davinci-data-export, EXPORT",
            "/fhir/bulkstatus/8d1c6a1e-5b7f-4b57-9a3e-0c1b2d3e4f50, EXPORT",
            "/files/8d1c6a1e-5b7f-4b57-9a3e-0c1b2d3e4f50/x.Patient.ndjson, FILE",
            "/fhir/Group, ATTRIBUTION",
            "/fhir/Group/east-1, ATTRIBUTION",
            "/fhir/Group/east-1/$member-add, ATTRIBUTION",
            "/fhir/Patient/123, ATTRIBUTION",
            "/fhir/Patient/$member-match, ATTRIBUTION",
            "/fhir/metadata, ATTRIBUTION",
            "/fhir, ATTRIBUTION"
    })
    void serviceFor_publicPath_routesToOwningService(String path, Service expected) {
        assertThat(RouteTable.serviceFor(path)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/admin/clients", "/q/health", "/fhirx/Group", "/auth", "/filesx/a"})
    void serviceFor_nonPublicPath_isEmpty(String path) {
        assertThat(RouteTable.serviceFor(path)).isEmpty();
    }

    @Test
    void route_wildcardSegment_matchesExactlyOneSegment() {
        Route route = new Route("/fhir/Group/*/$export", Service.EXPORT);
        assertThat(route.matches("/fhir/Group/a/$export")).isTrue();
        assertThat(route.matches("/fhir/Group/$export")).isFalse();
        assertThat(route.matches("/fhir/Group/a/b/$export")).isFalse();
    }

    @Test
    void route_restWildcardInTheMiddle_isRejected() {
        assertThatThrownBy(() -> new Route("/fhir/**/x", Service.ATTRIBUTION))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package org.openpayer.bulkexport.auth.discovery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpayer.bulkexport.auth.AuthServiceTestResource;

@QuarkusIntegrationTest
@QuarkusTestResource(AuthServiceTestResource.class)
class SmartConfigurationIT {

    @ParameterizedTest
    @ValueSource(strings = {"/.well-known/smart-configuration", "/fhir/.well-known/smart-configuration"})
    void smartConfiguration_advertisesBackendServicesWithAbsoluteUrls(String path) {
        given().accept("text/html")
                .get(path)
                .then().statusCode(200)
                .contentType("application/json")
                .body("token_endpoint", equalTo(AuthServiceTestResource.PUBLIC_BASE_URL + "/auth/token"))
                .body("grant_types_supported", equalTo(java.util.List.of("client_credentials")))
                .body("token_endpoint_auth_methods_supported", equalTo(java.util.List.of("private_key_jwt")))
                .body("token_endpoint_auth_signing_alg_values_supported", hasItems("RS384", "ES384"))
                .body("capabilities", hasItems("client-confidential-asymmetric", "permission-v1", "permission-v2"));
    }
}

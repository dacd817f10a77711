package org.openpayer.bulkexport.auth.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.openpayer.bulkexport.auth.AuthServiceTestResource;
import org.openpayer.bulkexport.model.route.PublicUrls;

/** Token requests as a SMART backend client sends them, and the checks tests make on the answer. */
public final class TokenRequests {

    public static final PublicUrls URLS = new PublicUrls(AuthServiceTestResource.PUBLIC_BASE_URL);

    private TokenRequests() {
    }

    public static Response tokenRequest(String assertion, String scope) {
        return tokenRequest(given(), assertion, scope);
    }

    /** A token request to the instance {@code target} points at. */
    public static Response tokenRequest(RequestSpecification target, String assertion, String scope) {
        return target.contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials")
                .formParam("client_assertion_type", TokenResource.JWT_BEARER)
                .formParam("client_assertion", assertion)
                .formParam("scope", scope)
                .post("/auth/token");
    }

    public static void expectError(ValidatableResponse response, int status, String error) {
        response.statusCode(status).contentType("application/json").body("error", equalTo(error));
    }
}

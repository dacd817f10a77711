package org.openpayer.bulkexport.auth.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.openpayer.bulkexport.auth.token.TokenRequests.URLS;
import static org.openpayer.bulkexport.auth.token.TokenRequests.expectError;
import static org.openpayer.bulkexport.auth.token.TokenRequests.tokenRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.ValidatableResponse;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.auth.AuthServiceTestResource;
import org.openpayer.bulkexport.auth.client.RegisteredClients;
import org.openpayer.bulkexport.model.security.Permission;
import org.openpayer.bulkexport.model.security.ScopeSet;
import org.openpayer.bulkexport.smartclient.ClientAssertion;
import org.openpayer.bulkexport.smartclient.ClientKey;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The token endpoint against a real database, one test per SMART rule: each breaks exactly one thing in an otherwise
 * valid request and checks the OAuth error the client gets.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(AuthServiceTestResource.class)
class TokenEndpointIT {

    private static final ClientKey EC_KEY = ClientKey.es384("ec-" + UUID.randomUUID());
    private static final ClientKey RSA_KEY = ClientKey.rs384("rsa-" + UUID.randomUUID());
    private static String ecClient;
    private static String rsaClient;

    /** Once per class, but after Quarkus has pointed RestAssured at the application. */
    @BeforeEach
    void registerClientsOnce() {
        if (ecClient == null) {
            ecClient = RegisteredClients.register(EC_KEY, List.of("system/*.rs"));
            rsaClient = RegisteredClients.register(RSA_KEY, List.of("system/Patient.read", "system/Coverage.read"));
        }
    }

    @Test
    void token_es384Assertion_issuesShortLivedBearerToken() throws Exception {
        // given
        String assertion = ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl()).sign();

        // when
        ValidatableResponse response = tokenRequest(assertion, "system/*.rs").then();

        // then
        response.statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("bearer"))
                .body("expires_in", lessThanOrEqualTo(300))
                .body("scope", equalTo("system/*.rs"));
        JwtClaims claims = verifiedClaims(response.extract().path("access_token"));
        assertThat(claims.getSubject()).isEqualTo(ecClient);
        assertThat(claims.getIssuer()).isEqualTo(URLS.issuer());
        assertThat(claims.getAudience()).containsExactly(URLS.fhirBase());
        assertThat(claims.getStringListClaimValue("group_ids")).containsExactly("group-a");
    }

    @Test
    void token_rs384AssertionWithV1Scope_echoesV1Syntax() {
        String assertion = ClientAssertion.of(RSA_KEY, rsaClient, URLS.tokenUrl()).sign();

        tokenRequest(assertion, "system/Patient.read").then()
                .statusCode(200)
                .body("scope", equalTo("system/Patient.read"));
    }

    @Test
    void token_wildcardScopeBeyondPolicy_grantsOnlyThePolicy() {
        String assertion = ClientAssertion.of(RSA_KEY, rsaClient, URLS.tokenUrl()).sign();

        tokenRequest(assertion, "system/*.read").then()
                .statusCode(200)
                .body("scope", equalTo("system/Patient.read system/Coverage.read"));
    }

    @Test
    void token_scopeOutsidePolicy_isInvalidScope() {
        String assertion = ClientAssertion.of(RSA_KEY, rsaClient, URLS.tokenUrl()).sign();

        expectError(tokenRequest(assertion, "system/Observation.rs").then(), 400, "invalid_scope");
    }

    @Test
    void token_outOfOrderPermissionLetters_isInvalidScope() {
        String assertion = ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl()).sign();

        expectError(tokenRequest(assertion, "system/Patient.sr").then(), 400, "invalid_scope");
    }

    @Test
    void token_grantTypeOtherThanClientCredentials_isUnsupportedGrantType() {
        String assertion = ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl()).sign();

        expectError(given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "authorization_code")
                .formParam("client_assertion_type", TokenResource.JWT_BEARER)
                .formParam("client_assertion", assertion)
                .formParam("scope", "system/*.rs")
                .post("/auth/token").then(), 400, "unsupported_grant_type");
    }

    @Test
    void token_withoutGrantType_isInvalidRequest() {
        expectError(given().contentType("application/x-www-form-urlencoded")
                .formParam("scope", "system/*.rs")
                .post("/auth/token").then(), 400, "invalid_request");
    }

    @Test
    void token_jsonBody_isInvalidRequest() {
        expectError(given().contentType("application/json").body("{\"grant_type\":\"client_credentials\"}")
                .post("/auth/token").then(), 400, "invalid_request");
    }

    @Test
    void token_wrongAssertionType_isInvalidClient() {
        String assertion = ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl()).sign();

        expectError(given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials")
                .formParam("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:saml2-bearer")
                .formParam("client_assertion", assertion)
                .formParam("scope", "system/*.rs")
                .post("/auth/token").then(), 401, "invalid_client");
    }

    @Test
    void token_assertionNotAJws_isInvalidClient() {
        expectError(tokenRequest("not.a-jwt", "system/*.rs").then(), 401, "invalid_client");
    }

    @Test
    void token_algNone_isInvalidClient() {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + EC_KEY.kid() + "\"}");
        String payload = base64("{\"iss\":\"" + ecClient + "\",\"sub\":\"" + ecClient + "\",\"aud\":\""
                + URLS.tokenUrl() + "\",\"jti\":\"" + UUID.randomUUID() + "\",\"exp\":"
                + (System.currentTimeMillis() / 1000 + 120) + "}");

        expectError(tokenRequest(header + "." + payload + ".", "system/*.rs").then(), 401, "invalid_client");
    }

    @Test
    void token_hs256SignedWithPublicKeyBytes_isInvalidClient() {
        byte[] secret = EC_KEY.publicJwks().getBytes(StandardCharsets.UTF_8);
        String assertion = ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl())
                .signedWith(AlgorithmIdentifiers.HMAC_SHA256, new HmacKey(secret)).sign();

        expectError(tokenRequest(assertion, "system/*.rs").then(), 401, "invalid_client");
    }

    @Test
    void token_withoutKid_isInvalidClient() {
        String assertion = ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl()).withKid(null).sign();

        expectError(tokenRequest(assertion, "system/*.rs").then(), 401, "invalid_client");
    }

    @Test
    void token_typNotJwt_isInvalidClient() {
        String assertion = ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl()).withTyp("at+jwt").sign();

        expectError(tokenRequest(assertion, "system/*.rs").then(), 401, "invalid_client");
    }

    @Test
    void token_issDiffersFromSub_isInvalidClient() {
        String assertion = ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl()).withSubject(rsaClient).sign();

        expectError(tokenRequest(assertion, "system/*.rs").then(), 401, "invalid_client");
    }

    @Test
    void token_unknownClient_isInvalidClient() {
        String assertion = ClientAssertion.of(EC_KEY, "no-such-client", URLS.tokenUrl()).sign();

        expectError(tokenRequest(assertion, "system/*.rs").then(), 401, "invalid_client");
    }

    @Test
    void token_audienceIsFhirBase_isInvalidClient() {
        String assertion = ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl()).withAudience(URLS.fhirBase()).sign();

        expectError(tokenRequest(assertion, "system/*.rs").then(), 401, "invalid_client");
    }

    @Test
    void token_expiryFiveMinutesAhead_isAccepted() {
        String assertion = ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl())
                .withExpiresIn(Duration.ofSeconds(300)).sign();

        tokenRequest(assertion, "system/*.rs").then().statusCode(200);
    }

    @Test
    void token_expiryFifteenMinutesAhead_isInvalidClient() {
        String assertion = ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl())
                .withExpiresIn(Duration.ofMinutes(15)).sign();

        expectError(tokenRequest(assertion, "system/*.rs").then(), 401, "invalid_client");
    }

    @Test
    void token_expiredAssertion_isInvalidClient() {
        String assertion = ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl())
                .withExpiresIn(Duration.ofMinutes(-5)).sign();

        expectError(tokenRequest(assertion, "system/*.rs").then(), 401, "invalid_client");
    }

    @Test
    void token_withoutExp_isInvalidClient() {
        String assertion = ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl()).withExpiresIn(null).sign();

        expectError(tokenRequest(assertion, "system/*.rs").then(), 401, "invalid_client");
    }

    @Test
    void token_replayedJti_isInvalidClient() {
        // given
        String jti = UUID.randomUUID().toString();
        tokenRequest(ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl()).withJti(jti).sign(), "system/*.rs")
                .then().statusCode(200);

        // when
        ValidatableResponse replay = tokenRequest(
                ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl()).withJti(jti).sign(), "system/*.rs").then();

        // then
        expectError(replay, 401, "invalid_client");
    }

    @Test
    void token_unknownKid_isInvalidClient() {
        String assertion = ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl()).withKid("other-kid").sign();

        expectError(tokenRequest(assertion, "system/*.rs").then(), 401, "invalid_client");
    }

    @Test
    void token_signedByAnotherKeyWithSameKid_isInvalidClient() {
        ClientKey impostor = ClientKey.es384(EC_KEY.kid());
        String assertion = ClientAssertion.of(impostor, ecClient, URLS.tokenUrl()).sign();

        expectError(tokenRequest(assertion, "system/*.rs").then(), 401, "invalid_client");
    }

    @Test
    void token_jkuOtherThanRegistered_isInvalidClient() {
        String assertion = ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl())
                .withHeader("jku", "https://attacker.example/jwks.json").sign();

        expectError(tokenRequest(assertion, "system/*.rs").then(), 401, "invalid_client");
    }

    @Test
    void token_errors_areJsonAndNotCached() {
        tokenRequest("x", "system/*.rs").then()
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("error_description", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void token_v1AndV2Requests_grantTheSameAccessInTheSyntaxAsked() throws Exception {
        String v1 = ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl()).sign();
        String v2 = ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl()).sign();

        ValidatableResponse v1Response = tokenRequest(v1, "system/*.read").then().statusCode(200)
                .body("scope", equalTo("system/*.read"));
        ValidatableResponse v2Response = tokenRequest(v2, "system/*.rs").then().statusCode(200)
                .body("scope", equalTo("system/*.rs"));

        ScopeSet v1Granted = ScopeSet.parse(verifiedClaims(v1Response.extract().path("access_token"))
                .getStringClaimValue("scope"));
        ScopeSet v2Granted = ScopeSet.parse(verifiedClaims(v2Response.extract().path("access_token"))
                .getStringClaimValue("scope"));
        for (Permission permission : Permission.values()) {
            assertThat(v1Granted.allows("Patient", permission)).as(permission.name())
                    .isEqualTo(v2Granted.allows("Patient", permission));
        }
    }

    @Test
    void token_granularScope_isLeftOutOfTheGrant() {
        String assertion = ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl()).sign();

        tokenRequest(assertion, "system/Observation.rs?category=laboratory system/Patient.rs").then()
                .statusCode(200)
                .body("scope", equalTo("system/Patient.rs"));
    }

    @Test
    void token_onlyGranularScopes_isInvalidScope() {
        String assertion = ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl()).sign();

        expectError(tokenRequest(assertion, "system/Observation.rs?category=laboratory").then(), 400,
                "invalid_scope");
    }

    @Test
    void token_patientContextScope_isInvalidScope() {
        String assertion = ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl()).sign();

        expectError(tokenRequest(assertion, "patient/*.rs").then(), 400, "invalid_scope");
    }

    @Test
    void token_repeatedParameter_isInvalidRequest() {
        String assertion = ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl()).sign();

        expectError(given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials")
                .formParam("client_assertion_type", TokenResource.JWT_BEARER)
                .formParam("client_assertion", assertion)
                .formParam("scope", "system/*.rs")
                .formParam("scope", "system/Patient.rs")
                .post("/auth/token").then(), 400, "invalid_request");
    }

    @Test
    void token_clientIdParameterOtherThanIssuer_isInvalidClient() {
        String assertion = ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl()).sign();

        expectError(given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials")
                .formParam("client_assertion_type", TokenResource.JWT_BEARER)
                .formParam("client_assertion", assertion)
                .formParam("client_id", rsaClient)
                .formParam("scope", "system/*.rs")
                .post("/auth/token").then(), 401, "invalid_client");
    }

    @Test
    void token_notBeforeInTheFuture_isInvalidClient() {
        String assertion = ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl())
                .withClaim("nbf", Instant.now().plus(Duration.ofMinutes(3)).getEpochSecond()).sign();

        expectError(tokenRequest(assertion, "system/*.rs").then(), 401, "invalid_client");
    }

    @Test
    void token_issuedAtInTheFuture_isInvalidClient() {
        String assertion = ClientAssertion.of(EC_KEY, ecClient, URLS.tokenUrl())
                .withClaim("iat", Instant.now().plus(Duration.ofMinutes(3)).getEpochSecond()).sign();

        expectError(tokenRequest(assertion, "system/*.rs").then(), 401, "invalid_client");
    }

    @Test
    void token_kidOfAnRsaKeyWithAlgEs384_isInvalidClient() {
        ClientKey ecKeyUnderRsaKid = ClientKey.es384(RSA_KEY.kid());
        String assertion = ClientAssertion.of(ecKeyUnderRsaKid, rsaClient, URLS.tokenUrl()).sign();

        expectError(tokenRequest(assertion, "system/Patient.read").then(), 401, "invalid_client");
    }

    private static JwtClaims verifiedClaims(String token) throws Exception {
        String jwks = given().get("/auth/jwks").then().statusCode(200).extract().asString();
        JsonWebSignature jws = (JsonWebSignature) JsonWebStructure.fromCompactSerialization(token);
        jws.setKey(new JsonWebKeySet(jwks).findJsonWebKey(jws.getKeyIdHeaderValue(), "EC", null, null).getKey());
        assertThat(jws.verifySignature()).as("token signature verifies with the published JWKS").isTrue();
        return JwtClaims.parse(jws.getPayload());
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

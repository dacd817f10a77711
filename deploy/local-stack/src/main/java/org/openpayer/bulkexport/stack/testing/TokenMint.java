package org.openpayer.bulkexport.stack.testing;

import com.sun.net.httpserver.HttpServer;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;
import org.openpayer.bulkexport.model.route.PublicUrls;
import org.openpayer.bulkexport.model.security.AccessTokenClaims;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stands in for auth-service in a resource server's own integration tests: publishes an ES256 key as a JWKS on a
 * loopback port, as auth-service does, and signs access tokens with the claims a test chooses. The service under test
 * verifies them exactly as it verifies real ones (smallrye-jwt, JWKS by URL), so tests cover the real check.
 */
public final class TokenMint implements AutoCloseable {

    private final EllipticCurveJsonWebKey key;
    private final HttpServer server;
    private final PublicUrls urls;

    private TokenMint(EllipticCurveJsonWebKey key, HttpServer server, PublicUrls urls) {
        this.key = key;
        this.server = server;
        this.urls = urls;
    }

    /** @param publicBaseUrl the base URL the service under test is configured with (issuer and audience follow) */
    public static TokenMint start(String publicBaseUrl) {
        try {
            EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            key.setKeyId("test-" + UUID.randomUUID());
            key.setAlgorithm(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            key.setUse("sig");
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] jwks = new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
                    .getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
            return new TokenMint(key, server, new PublicUrls(publicBaseUrl));
        } catch (JoseException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the test JWKS", e);
        }
    }

    /** Configuration that points the service under test at this mint's keys. */
    public Map<String, String> serviceConfig() {
        return Map.of(
                "mp.jwt.verify.publickey.location", jwksUrl(),
                "suite.public-base-url", urls.baseUrl());
    }

    public String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** A valid token for {@code clientId} with these scopes and Group grants. */
    public String token(String clientId, String scope, List<String> groupIds, List<String> groupIdentifiers) {
        return sign(claims(clientId, scope, groupIds, groupIdentifiers, Duration.ofMinutes(5)));
    }

    /**
     * A valid token for a payer-to-payer client: {@code payerIdentifiers} ({@code system|value}) name the health plan
     * it acts for, as auth-service's {@code payer_identifiers} claim does. No Group grants.
     */
    public String payerToken(String clientId, String scope, List<String> payerIdentifiers) {
        JwtClaims claims = claims(clientId, scope, List.of(), List.of(), Duration.ofMinutes(5));
        claims.setStringListClaim(AccessTokenClaims.PAYER_IDENTIFIERS, payerIdentifiers);
        return sign(claims);
    }

    /** A token that expired a minute ago, otherwise valid. */
    public String expiredToken(String clientId, String scope) {
        return sign(claims(clientId, scope, List.of(), List.of(), Duration.ofMinutes(-1)));
    }

    /** A token signed by a key the service has never seen, otherwise valid. */
    public String tokenFromUnknownKey(String clientId, String scope) {
        try {
            EllipticCurveJsonWebKey stranger = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            stranger.setKeyId(key.getKeyId());
            return sign(claims(clientId, scope, List.of(), List.of(), Duration.ofMinutes(5)), stranger);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private JwtClaims claims(String clientId, String scope, List<String> groupIds, List<String> groupIdentifiers,
                             Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(urls.issuer());
        claims.setAudience(urls.fhirBase());
        claims.setSubject(clientId);
        claims.setJwtId(UUID.randomUUID().toString());
        NumericDate issued = NumericDate.now();
        issued.addSeconds(Math.min(0, lifetime.toSeconds()) - 60);
        claims.setIssuedAt(issued);
        NumericDate expiry = NumericDate.now();
        expiry.addSeconds(lifetime.toSeconds());
        claims.setExpirationTime(expiry);
        claims.setClaim(AccessTokenClaims.SCOPE, scope);
        claims.setStringListClaim(AccessTokenClaims.GROUP_IDS, groupIds);
        claims.setStringListClaim(AccessTokenClaims.GROUP_IDENTIFIERS, groupIdentifiers);
        return claims;
    }

    private String sign(JwtClaims claims) {
        return sign(claims, key);
    }

    private static String sign(JwtClaims claims, EllipticCurveJsonWebKey signingKey) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey.getPrivateKey());
        jws.setKeyIdHeaderValue(signingKey.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package org.openpayer.bulkexport.auth.token;

import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;
import org.openpayer.bulkexport.auth.client.ClientDirectory;
import org.openpayer.bulkexport.auth.client.RegisteredClient;
import org.openpayer.bulkexport.auth.config.AuthConfig;
import org.openpayer.bulkexport.auth.crypto.EcSignatures;
import org.openpayer.bulkexport.auth.keys.ClientKeySource;
import org.openpayer.bulkexport.auth.keys.KeyUnavailableException;
import org.openpayer.bulkexport.model.route.PublicUrls;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Authenticates a client by its {@code private_key_jwt} assertion, rule by rule as SMART Backend Services lists them
 * (header, issuer, audience, expiry, key resolution, signature, replay). Any failure is invalid_client with a
 * description naming the rule. The jti is recorded only after the signature checks out, so forged assertions cannot
 * burn a real client's ids.
 */
@ApplicationScoped
public class ClientAssertionVerifier {

    /** SMART's two asymmetric algorithms and the key type each needs. */
    private static final Map<String, String> KEY_TYPE_BY_ALGORITHM = Map.of(
            AlgorithmIdentifiers.RSA_USING_SHA384, "RSA",
            AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384, "EC");
    private static final long MAX_ASSERTION_LIFETIME_SECONDS = 300;

    private final ClientDirectory clients;
    private final ClientKeySource keySource;
    private final ReplayGuard replayGuard;
    private final PublicUrls urls;
    private final AuthConfig config;
    private final EcSignatures ecSignatures;

    public ClientAssertionVerifier(ClientDirectory clients, ClientKeySource keySource, ReplayGuard replayGuard,
                                   PublicUrls urls, AuthConfig config, EcSignatures ecSignatures) {
        this.clients = clients;
        this.keySource = keySource;
        this.replayGuard = replayGuard;
        this.urls = urls;
        this.config = config;
        this.ecSignatures = ecSignatures;
    }

    /**
     * @param assertion     the {@code client_assertion} form value
     * @param clientIdParam the optional {@code client_id} form value, which must then equal the assertion's issuer
     * @return the authenticated, active client
     */
    public RegisteredClient verify(String assertion, String clientIdParam) {
        JsonWebSignature jws = parse(assertion);
        String algorithm = jws.getAlgorithmHeaderValue();
        String expectedKeyType = KEY_TYPE_BY_ALGORITHM.get(algorithm);
        if (expectedKeyType == null) {
            throw OAuthError.invalidClient("The assertion must be signed with RS384 or ES384, not " + algorithm + ".");
        }
        if (jws.getKeyIdHeaderValue() == null) {
            throw OAuthError.invalidClient("The assertion header has no kid.");
        }
        if (!"JWT".equalsIgnoreCase(jws.getHeader("typ"))) {
            throw OAuthError.invalidClient("The assertion header must have typ JWT.");
        }
        JwtClaims claims = claimsOf(jws);
        RegisteredClient client = issuingClient(claims, clientIdParam);
        requireAudience(claims);
        Instant expiresAt = requireExpiry(claims);
        requireAlreadyValid(claims);
        String jti = requireJti(claims);
        verifySignature(jws, client, expectedKeyType);
        if (!replayGuard.firstUse(client.clientId, jti, expiresAt.plus(config.token().clockSkew()))) {
            throw OAuthError.invalidClient("This assertion's jti was already used; sign a new assertion.");
        }
        return client;
    }

    private static JsonWebSignature parse(String assertion) {
        try {
            if (JsonWebStructure.fromCompactSerialization(assertion) instanceof JsonWebSignature jws) {
                return jws;
            }
        } catch (JoseException e) {
            // answered below, like a structure that is not a JWS
        }
        throw OAuthError.invalidClient("client_assertion is not a compact signed JWT.");
    }

    private static JwtClaims claimsOf(JsonWebSignature jws) {
        try {
            return JwtClaims.parse(jws.getUnverifiedPayload());
        } catch (Exception e) {
            throw OAuthError.invalidClient("The assertion's payload is not a JSON claims set.");
        }
    }

    private RegisteredClient issuingClient(JwtClaims claims, String clientIdParam) {
        String issuer = stringClaim(claims, "iss");
        if (issuer == null || !issuer.equals(stringClaim(claims, "sub"))) {
            throw OAuthError.invalidClient("The assertion's iss and sub must both be the client id.");
        }
        if (clientIdParam != null && !clientIdParam.equals(issuer)) {
            throw OAuthError.invalidClient("client_id does not match the assertion's issuer.");
        }
        return clients.activeClient(issuer)
                .orElseThrow(() -> OAuthError.invalidClient("Unknown or disabled client."));
    }

    private void requireAudience(JwtClaims claims) {
        try {
            List<String> audiences = claims.getAudience();
            if (audiences == null || !audiences.contains(urls.tokenUrl())) {
                throw OAuthError.invalidClient("The assertion's aud must be the token URL " + urls.tokenUrl() + ".");
            }
        } catch (MalformedClaimException e) {
            throw OAuthError.invalidClient("The assertion's aud is malformed.");
        }
    }

    private Instant requireExpiry(JwtClaims claims) {
        NumericDate exp;
        try {
            exp = claims.getExpirationTime();
        } catch (MalformedClaimException e) {
            throw OAuthError.invalidClient("The assertion's exp must be a number of seconds.");
        }
        if (exp == null) {
            throw OAuthError.invalidClient("The assertion has no exp.");
        }
        long now = Instant.now().getEpochSecond();
        long skew = config.token().clockSkew().toSeconds();
        if (exp.getValue() <= now - skew) {
            throw OAuthError.invalidClient("The assertion has expired.");
        }
        if (exp.getValue() > now + MAX_ASSERTION_LIFETIME_SECONDS + skew) {
            throw OAuthError.invalidClient("The assertion's exp is more than five minutes ahead.");
        }
        return Instant.ofEpochSecond(exp.getValue());
    }

    /** {@code nbf} and {@code iat} are optional, but an assertion that says it is not valid yet is refused. */
    private void requireAlreadyValid(JwtClaims claims) {
        long latestAllowed = Instant.now().getEpochSecond() + config.token().clockSkew().toSeconds();
        try {
            NumericDate notBefore = claims.getNotBefore();
            if (notBefore != null && notBefore.getValue() > latestAllowed) {
                throw OAuthError.invalidClient("The assertion's nbf is in the future.");
            }
            NumericDate issuedAt = claims.getIssuedAt();
            if (issuedAt != null && issuedAt.getValue() > latestAllowed) {
                throw OAuthError.invalidClient("The assertion's iat is in the future.");
            }
        } catch (MalformedClaimException e) {
            throw OAuthError.invalidClient("The assertion's nbf or iat is not a number of seconds.");
        }
    }

    private static String requireJti(JwtClaims claims) {
        String jti = stringClaim(claims, "jti");
        if (jti == null || jti.isEmpty() || jti.length() > 256) {
            throw OAuthError.invalidClient("The assertion needs a jti of 1 to 256 characters.");
        }
        return jti;
    }

    /**
     * SMART key resolution: a {@code jku} header must be the registered JWKS URL exactly; then exactly one key may
     * match the {@code kid} and the algorithm's key type, and it must verify the signature.
     */
    private void verifySignature(JsonWebSignature jws, RegisteredClient client, String expectedKeyType) {
        String jku = jws.getHeader("jku");
        if (jku != null && !jku.equals(client.jwksUrl)) {
            throw OAuthError.invalidClient("The assertion's jku is not the client's registered JWKS URL.");
        }
        List<JsonWebKey> candidates;
        try {
            candidates = keySource.keysFor(client, jws.getKeyIdHeaderValue()).stream()
                    .filter(key -> Objects.equals(key.getKeyId(), jws.getKeyIdHeaderValue()))
                    .filter(key -> expectedKeyType.equals(key.getKeyType()))
                    .filter(key -> !(key instanceof EllipticCurveJsonWebKey ec)
                            || EllipticCurves.P_384.equals(ec.getCurveName()))
                    .toList();
        } catch (KeyUnavailableException e) {
            throw OAuthError.invalidClient("The client's keys are unavailable: " + e.getMessage() + ".");
        }
        if (candidates.size() != 1) {
            throw OAuthError.invalidClient(candidates.isEmpty()
                    ? "No registered key matches the assertion's kid and algorithm."
                    : "More than one registered key matches the assertion's kid and algorithm.");
        }
        try {
            jws.setAlgorithmConstraints(new AlgorithmConstraints(
                    AlgorithmConstraints.ConstraintType.PERMIT, jws.getAlgorithmHeaderValue()));
            if ("EC".equals(expectedKeyType)) {
                ecSignatures.apply(jws).setKey(ecSignatures.verificationKey(candidates.get(0).getKey()));
            } else {
                jws.setKey(candidates.get(0).getKey());
            }
            if (!jws.verifySignature()) {
                throw OAuthError.invalidClient("The assertion's signature does not verify.");
            }
        } catch (JoseException e) {
            throw OAuthError.invalidClient("The assertion's signature cannot be verified.");
        }
    }

    private static String stringClaim(JwtClaims claims, String name) {
        Object value = claims.getClaimValue(name);
        return value instanceof String text ? text : null;
    }
}

package org.openpayer.bulkexport.smartclient;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.security.Key;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the {@code private_key_jwt} client assertion of a SMART token request: {@code iss} = {@code sub} = the client
 * id, {@code aud} = the token URL, a fresh {@code jti}, {@code exp} four minutes ahead (SMART allows five), header
 * {@code kid} and {@code typ: JWT}. Defaults make a valid assertion, which is all a client (attribution-service pulling
 * from another payer, the local stack's demo client) needs; every {@code with…} lets auth-service's conformance tests
 * break exactly one rule at a time.
 */
public final class ClientAssertion {

    /** The {@code client_assertion_type} form value that goes with an assertion. */
    public static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private String issuer;
    private String subject;
    private String audience;
    private String algorithm;
    private String kid;
    private String typ = "JWT";
    private String jti = UUID.randomUUID().toString();
    private Duration expiresIn = Duration.ofMinutes(4);
    private Key signingKey;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    private final Map<String, Object> extraClaims = new LinkedHashMap<>();

    private ClientAssertion(ClientKey key, String clientId, String tokenUrl) {
        this.issuer = clientId;
        this.subject = clientId;
        this.audience = tokenUrl;
        this.algorithm = key.algorithm();
        this.kid = key.kid();
        this.signingKey = key.jwk().getPrivateKey();
    }

    public static ClientAssertion of(ClientKey key, String clientId, String tokenUrl) {
        return new ClientAssertion(key, clientId, tokenUrl);
    }

    public ClientAssertion withIssuer(String value) {
        this.issuer = value;
        return this;
    }

    public ClientAssertion withSubject(String value) {
        this.subject = value;
        return this;
    }

    public ClientAssertion withAudience(String value) {
        this.audience = value;
        return this;
    }

    public ClientAssertion withJti(String value) {
        this.jti = value;
        return this;
    }

    /** Negative or null (no exp claim) values are allowed, to test the expiry rules. */
    public ClientAssertion withExpiresIn(Duration value) {
        this.expiresIn = value;
        return this;
    }

    public ClientAssertion withKid(String value) {
        this.kid = value;
        return this;
    }

    public ClientAssertion withTyp(String value) {
        this.typ = value;
        return this;
    }

    public ClientAssertion withHeader(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    /** A claim beyond the required ones, e.g. {@code nbf} or {@code iat} in seconds since the epoch. */
    public ClientAssertion withClaim(String name, Object value) {
        extraClaims.put(name, value);
        return this;
    }

    /** Signs with another algorithm and key, e.g. HS256 with a shared secret, which the server must refuse. */
    public ClientAssertion signedWith(String otherAlgorithm, Key otherKey) {
        this.algorithm = otherAlgorithm;
        this.signingKey = otherKey;
        return this;
    }

    public String sign() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setAudience(audience);
        claims.setJwtId(jti);
        if (expiresIn != null) {
            NumericDate exp = NumericDate.now();
            exp.addSeconds(expiresIn.toSeconds());
            claims.setExpirationTime(exp);
        }
        extraClaims.forEach(claims::setClaim);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        if (kid != null) {
            jws.setKeyIdHeaderValue(kid);
        }
        if (typ != null) {
            jws.setHeader("typ", typ);
        }
        extraHeaders.forEach(jws::setHeader);
        jws.setKey(signingKey);
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign the client assertion", e);
        }
    }
}

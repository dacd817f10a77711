package org.openpayer.bulkexport.smartclient;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * A client's signing key pair as a JWK: ES384 (P-384) or RS384 (RSA 2048), the two algorithms SMART clients must
 * support. The public half is what the payer registers; the private half stays with the client.
 */
public record ClientKey(PublicJsonWebKey jwk) {

    public static ClientKey es384(String kid) {
        try {
            PublicJsonWebKey jwk = EcJwkGenerator.generateJwk(EllipticCurves.P384);
            jwk.setKeyId(kid);
            jwk.setAlgorithm(AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
            return new ClientKey(jwk);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot generate an EC key", e);
        }
    }

    public static ClientKey rs384(String kid) {
        try {
            PublicJsonWebKey jwk = RsaJwkGenerator.generateJwk(2048);
            jwk.setKeyId(kid);
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA384);
            return new ClientKey(jwk);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    /** Reads a private JWK, as stored in a credentials file. */
    public static ClientKey fromPrivateJwk(String json) {
        try {
            return new ClientKey(PublicJsonWebKey.Factory.newPublicJwk(json));
        } catch (JoseException e) {
            throw new IllegalArgumentException("not a private JWK", e);
        }
    }

    public String kid() {
        return jwk.getKeyId();
    }

    public String algorithm() {
        return jwk.getAlgorithm();
    }

    /** The public JWK Set to register with the payer (no private parts). */
    public String publicJwks() {
        return new JsonWebKeySet(jwk).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    public String privateJwk() {
        return jwk.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
    }
}

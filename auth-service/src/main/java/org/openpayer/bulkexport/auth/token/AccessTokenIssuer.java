package org.openpayer.bulkexport.auth.token;

import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.openpayer.bulkexport.auth.client.RegisteredClient;
import org.openpayer.bulkexport.auth.config.AuthConfig;
import org.openpayer.bulkexport.auth.crypto.EcSignatures;
import org.openpayer.bulkexport.auth.keys.SigningKeyStore;
import org.openpayer.bulkexport.model.route.PublicUrls;
import org.openpayer.bulkexport.model.security.AccessTokenClaims;
import org.openpayer.bulkexport.model.security.ScopeSet;

import java.security.PrivateKey;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs access tokens. The token carries everything the resource servers decide on (client, scopes, Group grants, and
 * for a payer-to-payer client the payer it acts for), so they need no call to auth-service and no read of its tables.
 */
@ApplicationScoped
public class AccessTokenIssuer {

    private final SigningKeyStore keys;
    private final PublicUrls urls;
    private final Duration lifetime;
    private final EcSignatures ecSignatures;
    /** Signing keys by kid, converted once for the ECDSA provider; one entry per rotation. */
    private final Map<String, PrivateKey> preparedKeys = new ConcurrentHashMap<>();

    public AccessTokenIssuer(SigningKeyStore keys, PublicUrls urls, AuthConfig config, EcSignatures ecSignatures) {
        this.keys = keys;
        this.urls = urls;
        this.ecSignatures = ecSignatures;
        this.lifetime = config.token().lifetime().compareTo(AccessTokenClaims.MAX_LIFETIME) > 0
                ? AccessTokenClaims.MAX_LIFETIME : config.token().lifetime();
    }

    public IssuedToken issue(RegisteredClient client, ScopeSet granted) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(urls.issuer());
        claims.setSubject(client.clientId);
        claims.setAudience(urls.fhirBase());
        claims.setIssuedAtToNow();
        NumericDate expiry = NumericDate.now();
        expiry.addSeconds(lifetime.toSeconds());
        claims.setExpirationTime(expiry);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setClaim(AccessTokenClaims.SCOPE, granted.render());
        claims.setStringListClaim(AccessTokenClaims.GROUP_IDS, client.groupIds);
        claims.setStringListClaim(AccessTokenClaims.GROUP_IDENTIFIERS, client.groupIdentifiers);
        if (!client.payerIdentifiers.isEmpty()) {
            claims.setStringListClaim(AccessTokenClaims.PAYER_IDENTIFIERS, client.payerIdentifiers);
        }

        PublicJsonWebKey key = keys.current();
        JsonWebSignature jws = ecSignatures.apply(new JsonWebSignature());
        jws.setPayload(claims.toJson());
        jws.setKey(preparedKeys.computeIfAbsent(key.getKeyId(), kid -> ecSignatures.signingKey(key.getPrivateKey())));
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(key.getAlgorithm());
        jws.setHeader("typ", "JWT");
        try {
            return new IssuedToken(jws.getCompactSerialization(), lifetime.toSeconds(), granted.render());
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
    }

    /** A signed token with what the token response reports about it. */
    public record IssuedToken(String accessToken, long expiresInSeconds, String scope) {
    }
}

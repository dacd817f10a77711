package org.openpayer.bulkexport.auth.keys;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Our token-signing keys. ES256: signing is the hot path of the token endpoint, and ECDSA signs an order of magnitude
 * faster than RSA while every resource server verifies it locally. The first instance to start creates a key under a
 * database advisory lock, so concurrent instances agree on one; all instances reload the active keys every minute, so
 * a rotation made anywhere reaches all of them well within a token lifetime.
 */
@Startup
@ApplicationScoped
public class SigningKeyStore {

    /** Any fixed number: serializes key creation between instances starting together. */
    private static final long KEY_CREATION_LOCK = 0x5349474e4b4559L;

    private final EntityManager entityManager;
    private volatile Keys keys;

    public SigningKeyStore(EntityManager entityManager) {
        this.entityManager = entityManager;
        this.keys = QuarkusTransaction.requiringNew().call(this::loadOrCreate);
    }

    /** The newest active key: what tokens are signed with now. */
    public PublicJsonWebKey current() {
        return keys.current();
    }

    /** Public halves of every active key, as published at the JWKS endpoint. */
    public List<JsonWebKey> published() {
        return keys.published();
    }

    @Scheduled(every = "60s", delayed = "60s")
    void reload() {
        keys = QuarkusTransaction.requiringNew().call(this::loadOrCreate);
    }

    private Keys loadOrCreate() {
        List<SigningKey> active = activeKeys();
        if (active.isEmpty()) {
            entityManager.createNativeQuery("select pg_advisory_xact_lock(" + KEY_CREATION_LOCK + ")")
                    .getSingleResult();
            active = activeKeys();
            if (active.isEmpty()) {
                SigningKey created = newKey();
                created.persist();
                active = List.of(created);
            }
        }
        return Keys.of(active);
    }

    private List<SigningKey> activeKeys() {
        return SigningKey.list("active", Sort.descending("createdAt"), true);
    }

    private static SigningKey newKey() {
        try {
            EllipticCurveJsonWebKey jwk = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            jwk.setKeyId(UUID.randomUUID().toString());
            jwk.setAlgorithm(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            jwk.setUse("sig");
            SigningKey key = new SigningKey();
            key.kid = jwk.getKeyId();
            key.algorithm = jwk.getAlgorithm();
            key.privateJwk = jwk.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
            key.publicJwk = jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            key.createdAt = Instant.now();
            key.active = true;
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    /** The loaded keys, newest first; immutable so readers never see a half-updated set. */
    private record Keys(PublicJsonWebKey current, List<JsonWebKey> published) {
        static Keys of(List<SigningKey> newestFirst) {
            try {
                PublicJsonWebKey current = PublicJsonWebKey.Factory.newPublicJwk(newestFirst.get(0).privateJwk);
                List<JsonWebKey> published = newestFirst.stream().map(key -> parse(key.publicJwk)).toList();
                return new Keys(current, published);
            } catch (JoseException e) {
                throw new IllegalStateException("a stored signing key cannot be read", e);
            }
        }

        private static JsonWebKey parse(String json) {
            try {
                return JsonWebKey.Factory.newJwk(json);
            } catch (JoseException e) {
                throw new IllegalStateException("a stored signing key cannot be read", e);
            }
        }
    }
}

package org.openpayer.bulkexport.auth.keys;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;
import org.openpayer.bulkexport.auth.config.AuthConfig;
import org.openpayer.bulkexport.rest.FhirException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Our token-signing keys. ES256: signing is the hot path of the token endpoint, and ECDSA signs an order of magnitude
 * faster than RSA while every resource server verifies it locally. Keys live in the database, so every instance signs
 * with the same key and publishes the same set; writes take a database advisory lock, so instances starting or
 * rotating together agree. Each instance reloads every 30 seconds and picks the signer by time ({@link
 * RotationSchedule}), so all switch to a new key at the same moment, after the resource servers have fetched it.
 */
@Startup
@ApplicationScoped
public class SigningKeyStore {

    private static final Logger LOG = Logger.getLogger(SigningKeyStore.class);
    /** Any fixed number: serializes key writes between instances. */
    private static final long KEY_WRITE_LOCK = 0x5349474e4b4559L;

    private final EntityManager entityManager;
    private final RotationSchedule schedule;
    private volatile LoadedKeys keys;

    public SigningKeyStore(EntityManager entityManager, AuthConfig config) {
        this.entityManager = entityManager;
        this.schedule = new RotationSchedule(config.signingKeys().rotationPeriod(),
                config.signingKeys().publishAhead(),
                config.token().lifetime().plus(config.token().clockSkew()));
        QuarkusTransaction.requiringNew().run(this::createFirstKeyIfNone);
        reload();
    }

    /** The key that signs tokens now. */
    public PublicJsonWebKey current() {
        LoadedKeys loaded = keys;
        String kid = schedule.signerAt(loaded.periods(), Instant.now()).orElseThrow().kid();
        return loaded.privateKeys().stream().filter(key -> key.getKeyId().equals(kid)).findFirst().orElseThrow();
    }

    /** Public halves of every published key, waiting successors included, as the JWKS endpoint shows them. */
    public List<JsonWebKey> published() {
        return keys.publicKeys();
    }

    /** Every key ever made, newest first, for operators. */
    public List<SigningKey> history() {
        return SigningKey.listAll(Sort.descending("signsFrom"));
    }

    /**
     * Publishes a new key. It signs after the publish-ahead time, or at once when {@code immediate} (for a
     * compromised key: resource servers then fetch it on the first token that names it).
     */
    public SigningKey rotate(boolean immediate) {
        SigningKey created = QuarkusTransaction.requiringNew().call(() -> {
            lockKeyWrites();
            SigningKey key = newKey(schedule.successorStart(now(), immediate));
            key.persist();
            return key;
        });
        LOG.infof("Published signing key %s; it signs from %s", created.kid, created.signsFrom);
        reload();
        return created;
    }

    /** Stops publishing a key at once, so tokens it signed stop verifying once resource servers refresh. */
    public SigningKey retire(String kid) {
        SigningKey retired = QuarkusTransaction.requiringNew().call(() -> {
            lockKeyWrites();
            SigningKey key = SigningKey.findById(kid);
            if (key == null || key.retiredAt != null) {
                throw FhirException.notFound("No published signing key " + kid + ".");
            }
            List<KeyPeriod> published = publishedKeys().stream().map(SigningKey::period).toList();
            if (schedule.signerAt(published, now()).orElseThrow().kid().equals(kid)) {
                throw FhirException.conflict("Key " + kid + " signs tokens now; rotate first (immediate=true "
                        + "if it is compromised), then retire it.");
            }
            key.retiredAt = now();
            return key;
        });
        LOG.infof("Retired signing key %s", kid);
        reload();
        return retired;
    }

    /** One instance at a time publishes a due successor and retires keys no live token needs. */
    @Scheduled(every = "30s", delayed = "30s")
    void maintain() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!tryLockKeyWrites()) {
                return;
            }
            Instant now = now();
            List<SigningKey> published = publishedKeys();
            List<KeyPeriod> periods = published.stream().map(SigningKey::period).toList();
            if (schedule.rotationDue(periods, now)) {
                SigningKey successor = newKey(schedule.successorStart(now, false));
                successor.persist();
                LOG.infof("Rotation due: published signing key %s; it signs from %s", successor.kid,
                        successor.signsFrom);
            }
            List<String> retirable = schedule.retirable(periods, now).stream().map(KeyPeriod::kid).toList();
            published.stream().filter(key -> retirable.contains(key.kid)).forEach(key -> {
                key.retiredAt = now;
                LOG.infof("Retired signing key %s: no live token can carry it", key.kid);
            });
        });
        reload();
    }

    private void reload() {
        keys = LoadedKeys.of(QuarkusTransaction.requiringNew().call(this::publishedKeys));
    }

    private void createFirstKeyIfNone() {
        if (publishedKeys().isEmpty()) {
            lockKeyWrites();
            if (publishedKeys().isEmpty()) {
                newKey(now()).persist();
            }
        }
    }

    private List<SigningKey> publishedKeys() {
        return SigningKey.list("retiredAt is null", Sort.descending("signsFrom"));
    }

    private void lockKeyWrites() {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(" + KEY_WRITE_LOCK + ")").getSingleResult();
    }

    private boolean tryLockKeyWrites() {
        return (Boolean) entityManager
                .createNativeQuery("select pg_try_advisory_xact_lock(" + KEY_WRITE_LOCK + ")").getSingleResult();
    }

    /** Database timestamps keep microseconds; truncating keeps a key's times equal before and after a reload. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static SigningKey newKey(Instant signsFrom) {
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
            key.createdAt = now();
            key.signsFrom = signsFrom;
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    /** The published keys as loaded; immutable so readers never see a half-updated set. */
    private record LoadedKeys(List<KeyPeriod> periods, List<PublicJsonWebKey> privateKeys,
                              List<JsonWebKey> publicKeys) {

        static LoadedKeys of(List<SigningKey> published) {
            try {
                List<PublicJsonWebKey> privateKeys = new ArrayList<>();
                List<JsonWebKey> publicKeys = new ArrayList<>();
                for (SigningKey key : published) {
                    privateKeys.add(PublicJsonWebKey.Factory.newPublicJwk(key.privateJwk));
                    publicKeys.add(JsonWebKey.Factory.newJwk(key.publicJwk));
                }
                return new LoadedKeys(published.stream().map(SigningKey::period).toList(),
                        List.copyOf(privateKeys), List.copyOf(publicKeys));
            } catch (JoseException e) {
                throw new IllegalStateException("a stored signing key cannot be read", e);
            }
        }
    }
}

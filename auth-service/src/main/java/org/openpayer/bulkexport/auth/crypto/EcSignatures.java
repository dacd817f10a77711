package org.openpayer.bulkexport.auth.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwx.JsonWebStructure;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Provider;
import java.security.Security;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses the JCA provider for the token endpoint's ECDSA work: verifying ES384 assertions and signing our ES256
 * tokens. These two operations are most of the endpoint's CPU, and on Java 17 Bouncy Castle does them about eight
 * times faster than the JDK's provider (see docs/benchmarks.md). RSA stays with the JDK, which is fast already.
 * Deployments that must use the JDK's provider (e.g. a FIPS-validated one) set {@code AUTH_EC_PROVIDER=jdk}.
 */
@ApplicationScoped
public class EcSignatures {

    private static final int MAX_CACHED_KEYS = 10_000;

    private final ProviderContext context = new ProviderContext();
    private final Provider bouncyCastle;
    /** Client keys by their X.509 encoding; clients have a few keys each, the bound only guards against abuse. */
    private final Map<ByteBuffer, PublicKey> verificationKeys = new ConcurrentHashMap<>();

    public EcSignatures(Settings settings) {
        if (settings.ecProvider() == EcProvider.BC) {
            if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
                Security.addProvider(new BouncyCastleProvider());
            }
            bouncyCastle = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
            context.getSuppliedKeyProviderContext().setSignatureProvider(BouncyCastleProvider.PROVIDER_NAME);
        } else {
            bouncyCastle = null;
        }
    }

    /**
     * The private key in the chosen provider's own form. Bouncy Castle signs with a JDK key too, but rebuilds the
     * curve each time and so loses its precomputed tables: three times slower than with its own key.
     */
    public PrivateKey signingKey(PrivateKey key) {
        if (bouncyCastle == null) {
            return key;
        }
        try {
            return KeyFactory.getInstance("EC", bouncyCastle)
                    .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot convert a signing key for " + bouncyCastle.getName(), e);
        }
    }

    /**
     * The public key in the chosen provider's own form, converted once per key: as with signing, verifying with a
     * JDK key costs Bouncy Castle twice the time.
     */
    public Key verificationKey(Key key) {
        if (bouncyCastle == null || !(key instanceof PublicKey publicKey)) {
            return key;
        }
        if (verificationKeys.size() > MAX_CACHED_KEYS) {
            verificationKeys.clear();
        }
        return verificationKeys.computeIfAbsent(ByteBuffer.wrap(publicKey.getEncoded()), encoded -> {
            try {
                return KeyFactory.getInstance("EC", bouncyCastle)
                        .generatePublic(new X509EncodedKeySpec(publicKey.getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot convert a client key for " + bouncyCastle.getName(), e);
            }
        });
    }

    /** Makes {@code jws} sign or verify with the chosen provider; call it only for EC keys. */
    public <T extends JsonWebStructure> T apply(T jws) {
        jws.setProviderContext(context);
        return jws;
    }

    /** The providers to choose from. */
    public enum EcProvider {
        /** Bouncy Castle. */
        BC,
        /** The JDK's own (SunEC). */
        JDK
    }

    /** Which provider does ECDSA. */
    @ConfigMapping(prefix = "auth.crypto")
    public interface Settings {
        @WithDefault("bc")
        EcProvider ecProvider();
    }
}

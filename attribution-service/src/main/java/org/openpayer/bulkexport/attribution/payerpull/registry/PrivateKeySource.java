package org.openpayer.bulkexport.attribution.payerpull.registry;

import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.openpayer.bulkexport.attribution.config.AttributionConfig;
import org.openpayer.bulkexport.smartclient.ClientKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads our private keys for other payers from where the payer's secret manager puts them, never from the database:
 * {@code env:PAYER_PULL_KEY_<NAME>} names an environment variable, {@code file:<name>} a file in the key directory
 * (a mounted Secret). Each holds one private JWK (ES384 on P-384, or RS384) with a {@code kid}. Keys are read at every
 * use, so replacing the secret rotates the key. Errors name the reference, never key material.
 */
@ApplicationScoped
public class PrivateKeySource {

    static final String ENV = "env:";
    static final String FILE = "file:";
    /** Only variables meant for this: a reference must not read other secrets of the process (DB_PASSWORD...). */
    private static final Pattern ENV_NAME = Pattern.compile("PAYER_PULL_KEY_[A-Z0-9_]{1,100}");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Set<String> ALGORITHMS = Set.of(AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
            AlgorithmIdentifiers.RSA_USING_SHA384);

    private final Optional<Path> keyDirectory;

    public PrivateKeySource(AttributionConfig config) {
        this.keyDirectory = config.payerPull().keyDirectory().filter(dir -> !dir.isBlank()).map(Path::of);
    }

    /** The key a reference names; {@link UnavailableKeyException} says why it cannot be used. */
    public ClientKey load(String reference) {
        ClientKey key;
        try {
            key = ClientKey.fromPrivateJwk(read(reference));
        } catch (IllegalArgumentException e) {
            throw new UnavailableKeyException(reference + " does not hold a JSON Web Key.");
        }
        if (key.jwk().getPrivateKey() == null) {
            throw new UnavailableKeyException(reference + " holds a public key only; our private key is needed.");
        }
        if (key.kid() == null || key.kid().isBlank()) {
            throw new UnavailableKeyException(reference + " holds a key without a kid.");
        }
        if (!ALGORITHMS.contains(key.algorithm())) {
            throw new UnavailableKeyException(reference + " holds a key whose alg is not ES384 or RS384, the "
                    + "algorithms SMART servers verify.");
        }
        return key;
    }

    private String read(String reference) {
        if (reference == null) {
            throw new UnavailableKeyException("No private key reference.");
        }
        if (reference.startsWith(ENV)) {
            String name = reference.substring(ENV.length());
            if (!ENV_NAME.matcher(name).matches()) {
                throw new UnavailableKeyException("Environment key references are env:PAYER_PULL_KEY_<NAME> "
                        + "(upper-case letters, digits, _): " + reference);
            }
            return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank()).orElseThrow(() ->
                    new UnavailableKeyException("The environment variable " + name + " is not set."));
        }
        if (reference.startsWith(FILE)) {
            String name = reference.substring(FILE.length());
            if (!FILE_NAME.matcher(name).matches()) {
                throw new UnavailableKeyException("File key references are file:<name>, a file name in the key "
                        + "directory (letters, digits, '.', '_', '-'): " + reference);
            }
            Path directory = keyDirectory.orElseThrow(() -> new UnavailableKeyException("No key directory is "
                    + "configured (PAYER_PULL_KEY_DIR), so " + reference + " cannot be read."));
            try {
                return Files.readString(directory.resolve(name));
            } catch (IOException e) {
                throw new UnavailableKeyException(reference + " cannot be read from the key directory.");
            }
        }
        throw new UnavailableKeyException("A private key reference is env:PAYER_PULL_KEY_<NAME> or file:<name>, "
                + "never the key itself.");
    }

    /** Why a key reference cannot be used; the message is safe to show and log. */
    public static final class UnavailableKeyException extends RuntimeException {
        UnavailableKeyException(String message) {
            super(message);
        }
    }
}

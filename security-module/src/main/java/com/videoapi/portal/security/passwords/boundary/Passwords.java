package com.videoapi.portal.security.passwords.boundary;

import com.videoapi.portal.security.passwords.control.HashingSlots;
import com.videoapi.portal.security.passwords.control.PasswordPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;

/**
 * Hashes and checks passwords with Jakarta Security's {@link Pbkdf2PasswordHash}, configured for
 * PBKDF2-HMAC-SHA256 with 600,000 iterations (OWASP Password Storage Cheat Sheet; the API's default
 * of 2,048 is far too weak).
 *
 * <p>The iteration count is read from MicroProfile Config ({@code passwords.pbkdf2.iterations}) at
 * each hash, so an operator who raises it on a running server (e.g. a system property through the
 * management API) gets it at once, without a redeploy. Each stored hash records its own count:
 * raising it leaves existing passwords working, and {@link #isOutdated} tells which hashes to renew
 * when their password is next at hand ({@link OutdatedHashes}).
 */
@ApplicationScoped
public class Passwords {

    static final int RECOMMENDED_ITERATIONS = 600_000;

    /** What a stored hash starts with: Soteria's format is {@code algorithm:iterations:salt:key}, Base64. */
    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 32;
    private static final int KEY_BYTES = 32;

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");

    private final SecureRandom random = new SecureRandom();

    /** Every hash and check runs in one of these: no more at once than the server has cores. */
    @Inject
    HashingSlots slots;

    @Inject
    Instance<Pbkdf2PasswordHash> pbkdf2;

    /** A Provider, so that each use reads the setting as it is now. */
    @Inject
    @ConfigProperty(name = "passwords.pbkdf2.iterations")
    Provider<Integer> iterations;

    /**
     * One configured hasher per iteration count used so far (there are one or two in a server's life):
     * {@link Pbkdf2PasswordHash#initialize} sets the count on the instance, so instances are never shared
     * across counts. Any of them verifies any hash, with the hash's own parameters.
     */
    private final ConcurrentMap<Integer, Pbkdf2PasswordHash> hashers = new ConcurrentHashMap<>();

    /** The decoy for each count, see {@link #spendTimeOfOneCheck}. */
    private final ConcurrentMap<Integer, String> decoys = new ConcurrentHashMap<>();

    /**
     * @throws PasswordProblem.Refused when the password does not meet {@link PasswordPolicy}
     */
    public String hash(String password) {
        char[] acceptable = PasswordPolicy.requireAcceptable(password).toCharArray();
        Pbkdf2PasswordHash hasher = hasherFor(configuredIterations());
        return slots.run(() -> hasher.generate(acceptable));
    }

    public boolean matches(String password, String storedHash) {
        if (password == null || password.isEmpty() || password.length() > 4 * PasswordPolicy.MAX_LENGTH) {
            // Cannot be a stored password; spend the same time anyway, so the answer leaks nothing.
            spendTimeOfOneCheck();
            return false;
        }
        char[] normalised = PasswordPolicy.normalised(password).toCharArray();
        Pbkdf2PasswordHash hasher = hasherFor(configuredIterations());
        return slots.run(() -> hasher.verify(normalised, storedHash));
    }

    /**
     * Checks a password against a decoy: the cost of {@link #matches} against a hash made now, always
     * false. For unknown accounts and locked steps, so that the time does not tell them apart.
     *
     * <p>The decoy has the configured count (read now, like {@link #hash}), salt and key sizes, and is
     * made of random bytes rather than by hashing: making it costs nothing, so the first unknown
     * address after a change of the setting costs one check too, not two.
     */
    public void spendTimeOfOneCheck() {
        int count = configuredIterations();
        String decoy = decoys.computeIfAbsent(count, this::decoyWith);
        Pbkdf2PasswordHash hasher = hasherFor(count);
        slots.run(() -> hasher.verify("not the decoy password".toCharArray(), decoy));
    }

    /**
     * Whether a stored hash was made with fewer iterations than are configured now (or cannot be read):
     * it should be replaced by a new hash of the same password, the next time that is at hand.
     */
    public boolean isOutdated(String storedHash) {
        OptionalInt count = iterationsOf(storedHash);
        return count.isEmpty() || count.getAsInt() < configuredIterations();
    }

    /**
     * A new hash of a password that just matched its stored hash, with the configured count. The
     * policy is not applied: the person chose it when it was allowed, and is signing in with it.
     */
    String rehash(String password) {
        char[] normalised = PasswordPolicy.normalised(password).toCharArray();
        Pbkdf2PasswordHash hasher = hasherFor(configuredIterations());
        return slots.run(() -> hasher.generate(normalised));
    }

    /** The iteration count a stored hash was made with; empty when it is not one of ours. */
    public static OptionalInt iterationsOf(String storedHash) {
        String[] parts = storedHash == null ? new String[0] : storedHash.split(":");
        if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(parts[1]));
        } catch (NumberFormatException notOurs) {
            return OptionalInt.empty();
        }
    }

    int configuredIterations() {
        return iterations.get();
    }

    private Pbkdf2PasswordHash hasherFor(int count) {
        return hashers.computeIfAbsent(count, this::configuredHasher);
    }

    private Pbkdf2PasswordHash configuredHasher(int count) {
        if (count < RECOMMENDED_ITERATIONS) {
            LOG.warning(() -> "passwords.pbkdf2.iterations is " + count + ", below the "
                    + RECOMMENDED_ITERATIONS + " that OWASP recommends for PBKDF2-HMAC-SHA256");
        }
        Pbkdf2PasswordHash hasher = pbkdf2.get();
        hasher.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", ALGORITHM,
                "Pbkdf2PasswordHash.Iterations", Integer.toString(count),
                "Pbkdf2PasswordHash.SaltSizeBytes", Integer.toString(SALT_BYTES),
                "Pbkdf2PasswordHash.KeySizeBytes", Integer.toString(KEY_BYTES)));
        return hasher;
    }

    private String decoyWith(int count) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(salt);
        random.nextBytes(key);
        Base64.Encoder base64 = Base64.getEncoder();
        return ALGORITHM + ":" + count + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(key);
    }
}

package com.videoapi.portal.security.passwords.boundary;

import com.videoapi.portal.security.passwords.control.HashingSlots;
import com.videoapi.portal.security.passwords.control.PasswordPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.logging.Logger;

/**
 * Hashes and checks passwords with Jakarta Security's {@link Pbkdf2PasswordHash}, configured for
 * PBKDF2-HMAC-SHA256 with 600,000 iterations (OWASP Password Storage Cheat Sheet; the API's default
 * of 2,048 is far too weak).
 *
 * <p>The iteration count is read from MicroProfile Config ({@code passwords.pbkdf2.iterations}).
 * Each stored hash records its own count, so raising it later leaves existing passwords working.
 */
@ApplicationScoped
public class Passwords {

    static final int RECOMMENDED_ITERATIONS = 600_000;

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /** Every hash and check runs in one of these: no more at once than the server has cores. */
    @Inject
    HashingSlots slots;

    @Inject
    @ConfigProperty(name = "passwords.pbkdf2.iterations")
    int iterations;

    /** A hash to check against when there is no user, so that an unknown address costs as much time. */
    private volatile String decoyHash;

    @PostConstruct
    void configure() {
        if (iterations < RECOMMENDED_ITERATIONS) {
            LOG.warning(() -> "passwords.pbkdf2.iterations is " + iterations + ", below the "
                    + RECOMMENDED_ITERATIONS + " that OWASP recommends for PBKDF2-HMAC-SHA256");
        }
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    /**
     * @throws PasswordProblem.Refused when the password does not meet {@link PasswordPolicy}
     */
    public String hash(String password) {
        char[] acceptable = PasswordPolicy.requireAcceptable(password).toCharArray();
        return slots.run(() -> pbkdf2.generate(acceptable));
    }

    public boolean matches(String password, String storedHash) {
        if (password == null || password.isEmpty() || password.length() > 4 * PasswordPolicy.MAX_LENGTH) {
            // Cannot be a stored password; spend the same time anyway, so the answer leaks nothing.
            spendTimeOfOneCheck();
            return false;
        }
        char[] normalised = PasswordPolicy.normalised(password).toCharArray();
        return slots.run(() -> pbkdf2.verify(normalised, storedHash));
    }

    /** Checks a password against a decoy: same cost as {@link #matches}, always false. */
    public void spendTimeOfOneCheck() {
        String decoy = decoyHash;
        if (decoy == null) {
            decoy = slots.run(() -> pbkdf2.generate("decoy password that no one has".toCharArray()));
            decoyHash = decoy;
        }
        String against = decoy;
        slots.run(() -> pbkdf2.verify("not the decoy password".toCharArray(), against));
    }
}

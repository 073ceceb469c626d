package com.videoapi.portal.security.authenticator.control;

import com.videoapi.portal.security.verification.boundary.Channel;
import com.videoapi.portal.security.verification.boundary.CodeChannel;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Seals authenticator secrets for the database: AES-256-GCM under a key derived (SHA-256) from the
 * server secret {@value #SETTING}, a fresh 96-bit nonce each time, and the user's id as associated
 * data, so a sealed secret copied to another user's row does not open. A copy of the database alone
 * yields no secret that makes codes.
 *
 * <p>Without the setting (or with one shorter than {@value #SHORTEST_KEY} characters) no app can be
 * added, and apps added before cannot be used: it fails closed, with a WARNING at start. Every node
 * needs the same key; changing it makes every app added before unusable (people add theirs again).
 *
 * <p>The development channel (the run command's, {@code twofactor.channel=development}) seals under a
 * key made at each start when none is set, with a WARNING, as {@code twofactor.number-key} does there:
 * a developer can add an app without a secret, and the run command's database is empty at each start
 * anyway. Nodes of a cluster need one key between them: its run command sets one per start.
 */
@ApplicationScoped
public class SecretSeal {

    public static final String SETTING = "twofactor.authenticator-key";
    static final int SHORTEST_KEY = 32;

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Config config;

    @Inject
    CodeChannel codeChannel;

    private SecretKeySpec key;

    @PostConstruct
    void readKey() {
        choose(config.getOptionalValue(SETTING, String.class).orElse(null), codeChannel.channel());
    }

    /** A seal with this setting (null: none) on a server of the Vonage channel; for tests. */
    public static SecretSeal of(String secret) {
        return of(secret, Channel.VONAGE);
    }

    /** A seal with this setting (null: none) on a server of this code channel; for tests. */
    public static SecretSeal of(String secret, Channel channel) {
        SecretSeal seal = new SecretSeal();
        seal.choose(secret, channel);
        return seal;
    }

    private void choose(String secret, Channel channel) {
        String configured = secret == null ? "" : secret.strip();
        if (configured.length() >= SHORTEST_KEY) {
            key = new SecretKeySpec(sha256(configured.getBytes(StandardCharsets.UTF_8)), "AES");
        } else if (configured.isEmpty() && channel == Channel.DEVELOPMENT) {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            key = new SecretKeySpec(sha256(random), "AES");
            LOG.warning(() -> SETTING + " is not set: the development channel seals authenticator apps under a key made"
                    + " at this start (apps added now stop working at the next start and on other nodes)");
        } else {
            LOG.warning(() -> SETTING + " is not set or shorter than " + SHORTEST_KEY
                    + " characters: authenticator apps cannot be added or used (docs/configuration.md)");
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    public boolean isAvailable() {
        return key != null;
    }

    public String seal(UUID userId, byte[] secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, userId);
            byte[] sealed = cipher.doFinal(secret);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    /** The secret, or empty when there is no key or the sealed text is not this key's for this user. */
    public Optional<byte[]> open(UUID userId, String sealed) {
        if (key == null) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed);
            byte[] nonce = java.util.Arrays.copyOf(in, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, userId);
            return Optional.of(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            LOG.warning(() -> "An authenticator secret of user " + userId + " does not open under " + SETTING
                    + " (was the key changed?)");
            return Optional.empty();
        }
    }

    private Cipher cipher(int mode, byte[] nonce, UUID userId) throws GeneralSecurityException {
        if (key == null) {
            throw new IllegalStateException(SETTING + " is not set");
        }
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(userId.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}

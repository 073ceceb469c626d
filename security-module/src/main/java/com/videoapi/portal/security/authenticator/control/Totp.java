package com.videoapi.portal.security.authenticator.control;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Time-based one-time passwords (RFC 6238, on HOTP's dynamic truncation, RFC 4226 section 5.3), as
 * authenticator apps make them: HMAC-SHA-1, 6 digits, 30-second steps from the Unix epoch.
 *
 * <p>Written on the JDK's {@link Mac} rather than taken from a library: the algorithm is twenty
 * lines, the JDK's HMAC is the part that must be right, and the well-known Java TOTP libraries
 * (e.g. {@code dev.samstevens.totp}, {@code com.warrenstrange:googleauth}) are unmaintained or
 * bring QR and HTTP dependencies we do not want in the security module. {@code TotpTest} checks it
 * against every test vector of RFC 6238 appendix B (SHA-1, SHA-256 and SHA-512).
 */
public final class Totp {

    public static final long STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    public static final String SHA1 = "HmacSHA1";

    /** Steps either side of now that are still accepted (RFC 6238 section 5.2: clocks drift, people type slowly). */
    static final int WINDOW = 1;

    private Totp() {
    }

    public static long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
    }

    /** The code for one step: HMAC of the step as 8 bytes, dynamically truncated, {@code digits} decimal digits. */
    public static String code(byte[] key, long step, String hmac, int digits) {
        try {
            Mac mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(key, hmac));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            int modulus = (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", binary % modulus);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmac + " is on every Java platform", e);
        }
    }

    /** The app's code at a step: SHA-1, 6 digits. */
    public static String code(byte[] key, long step) {
        return code(key, step, SHA1, DIGITS);
    }

    /**
     * The step whose code {@code typed} is, within one step of {@code now} and later than
     * {@code lastAccepted} (a code is never accepted twice, nor one older than the last accepted);
     * empty when none. Every step of the window is computed and compared in constant time, so the
     * time taken says nothing of which matched.
     */
    public static OptionalLong matchingStep(byte[] key, String typed, long now, long lastAccepted) {
        if (typed == null || typed.length() != DIGITS || !typed.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        byte[] given = typed.getBytes(StandardCharsets.US_ASCII);
        long matched = Long.MIN_VALUE;
        for (long step = now - WINDOW; step <= now + WINDOW; step++) {
            boolean same = MessageDigest.isEqual(given, code(key, step).getBytes(StandardCharsets.US_ASCII));
            if (same && step > lastAccepted && matched == Long.MIN_VALUE) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }
}

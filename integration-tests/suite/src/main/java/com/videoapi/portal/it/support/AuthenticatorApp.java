package com.videoapi.portal.it.support;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * An authenticator app in the tests' hands: it takes the key the portal shows (base 32) and makes
 * the codes an app would (RFC 6238: HMAC-SHA-1, 6 digits, 30 s), at the portal's time (the test
 * clock's shift, {@link ServerClock}). Written here again, not taken from the product, so that a
 * mistake there does not make the same mistake here.
 */
public final class AuthenticatorApp {

    private final byte[] key;

    private AuthenticatorApp(byte[] key) {
        this.key = key;
    }

    /** The key as the page shows it, e.g. {@code "ABCD EFGH ..."}. */
    public static AuthenticatorApp withKey(String shown) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : shown.replaceAll("\\s", "").toUpperCase(Locale.ROOT).toCharArray()) {
            buffer = (buffer << 5) | "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(c);
            bits += 5;
            if (bits >= 8) {
                bytes.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return new AuthenticatorApp(bytes.toByteArray());
    }

    /** The number of bits of the key. */
    public int keyBits() {
        return key.length * 8;
    }

    /** The code the app shows now, by the portal's clock. */
    public String codeNow() {
        return codeAt(Instant.now().plus(ServerClock.shift()));
    }

    /** The code of the 30-second step {@code steps} away from now (by the portal's clock). */
    public String codeSteps(int steps) {
        return codeAt(Instant.now().plus(ServerClock.shift()).plus(Duration.ofSeconds(30L * steps)));
    }

    private String codeAt(Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(at.getEpochSecond() / 30).array());
            int offset = hash[19] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

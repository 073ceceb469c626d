package com.videoapi.portal.platform.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secrets the portal hands out and later recognises: the links in mails (reset, "This wasn't me",
 * address verification) and the trusted-device cookies. Each is 256 random bits from
 * {@link SecureRandom} (ASVS asks for at least 128), URL-safe Base64 without padding, so it fits a
 * URL and a cookie unquoted. Only its SHA-256 is stored: a token has full entropy, so a fast hash is
 * enough and no salt is needed (never PBKDF2 here). A value that is not well formed is refused before
 * anything is hashed or looked up.
 *
 * <p>One class for both kinds: they were two copies of these lines (a link's token and a device's),
 * and a rule of one (its length, its alphabet, its hash) must hold for the other.
 */
public final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;
    /** 32 bytes as unpadded URL-safe Base64: exactly 43 characters of that alphabet. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private SecretTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a value from a link or a cookie can be a token at all: anything else is ignored unhashed. */
    public static boolean isWellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    /** Lower-case hex SHA-256 of the token, as stored. */
    public static String hashOf(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}

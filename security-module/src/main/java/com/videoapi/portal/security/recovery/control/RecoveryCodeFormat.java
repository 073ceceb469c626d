package com.videoapi.portal.security.recovery.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What a recovery code looks like: 12 characters of Crockford's base-32 alphabet in lower case
 * (digits and letters without i, l, o and u, which people misread), grouped by four for reading,
 * e.g. {@code k7dq-m2xp-9hfa}: 60 random bits, above the 50 that let a fast hash stand in for a slow
 * one. What a person types back is read leniently: case, spaces and dashes do not matter, and the
 * letters people mistake for digits (i, l, o) count as those digits, as Crockford's decoding does.
 */
public final class RecoveryCodeFormat {

    /** Crockford's base 32, lower case. */
    public static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    public static final int LENGTH = 12;
    private static final int GROUP = 4;
    private static final int LONGEST_INPUT = 64;
    private static final RandomGenerator RANDOM = new SecureRandom();

    private RecoveryCodeFormat() {
    }

    /** A new code, grouped for reading. */
    public static String newCode() {
        return newCode(RANDOM);
    }

    static String newCode(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH + LENGTH / GROUP);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % GROUP == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The code as stored before hashing (12 characters of the alphabet, no dashes), or empty when
     * what was typed cannot be a recovery code at all.
     */
    public static Optional<String> normalised(String typed) {
        if (typed == null || typed.length() > LONGEST_INPUT) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : typed.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '-' || Character.isWhitespace(c)) {
                continue;
            }
            char read = switch (c) {
                case 'i', 'l' -> '1';
                case 'o' -> '0';
                default -> c;
            };
            if (ALPHABET.indexOf(read) < 0) {
                return Optional.empty();
            }
            code.append(read);
        }
        return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
    }

    /** Lower-case hex SHA-256 of a normalised code, as stored. */
    public static String hashOf(String normalisedCode) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalisedCode.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}

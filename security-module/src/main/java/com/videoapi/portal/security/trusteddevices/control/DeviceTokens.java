package com.videoapi.portal.security.trusteddevices.control;

import com.videoapi.portal.security.tokens.boundary.SecretTokens;

/**
 * The secrets that trusted-device cookies carry: {@link SecretTokens}, which mailed links share
 * (256 random bits, URL-safe Base64, only the SHA-256 stored).
 */
public final class DeviceTokens {

    private DeviceTokens() {
    }

    public static String newToken() {
        return SecretTokens.newToken();
    }

    /** Whether a cookie value can be a token at all: anything else is ignored unhashed. */
    public static boolean isWellFormed(String token) {
        return SecretTokens.isWellFormed(token);
    }

    /** Lower-case hex SHA-256 of the token, as stored. */
    public static String hashOf(String token) {
        return SecretTokens.hashOf(token);
    }
}

package com.videoapi.portal.platform.tokens;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretTokensTest {

    @Test
    void a_token_carries_256_random_bits_in_a_cookie_safe_form() {
        String token = SecretTokens.newToken();
        assertEquals(32, Base64.getUrlDecoder().decode(token).length);
        assertTrue(token.matches("[A-Za-z0-9_-]+"), "no characters that need quoting in a cookie");
        assertTrue(SecretTokens.isWellFormed(token));
    }

    @Test
    void tokens_do_not_repeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(SecretTokens.newToken()));
        }
    }

    @Test
    void the_stored_hash_is_sha_256_in_hex() {
        // SHA-256("abc") from FIPS 180-2, appendix B.1.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SecretTokens.hashOf("abc"));
        String token = SecretTokens.newToken();
        assertEquals(SecretTokens.hashOf(token), SecretTokens.hashOf(token));
        assertNotEquals(token, SecretTokens.hashOf(token));
        assertEquals(64, SecretTokens.hashOf(token).length());
    }

    @Test
    void anything_but_a_token_is_not_even_looked_up() {
        assertFalse(SecretTokens.isWellFormed(null));
        assertFalse(SecretTokens.isWellFormed(""));
        assertFalse(SecretTokens.isWellFormed("short"));
        assertFalse(SecretTokens.isWellFormed(SecretTokens.newToken() + "x"));
        assertFalse(SecretTokens.isWellFormed("' or 1=1 --" + "a".repeat(32)));
    }
}

package com.videoapi.portal.security.authenticator.control;

import com.videoapi.portal.security.verification.boundary.Channel;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretSealTest {

    private static final String KEY = "a-test-authenticator-key-of-at-least-32-characters";
    private static final byte[] SECRET = "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Test
    void opensWhatItSealedForTheSameUserOnly() {
        SecretSeal seal = SecretSeal.of(KEY);
        UUID user = UUID.randomUUID();
        String sealed = seal.seal(user, SECRET);
        assertFalse(sealed.contains(Base32.encode(SECRET)));
        assertArrayEquals(SECRET, seal.open(user, sealed).orElseThrow());
        assertTrue(seal.open(UUID.randomUUID(), sealed).isEmpty(), "another user's row does not open");
        assertNotEquals(sealed, seal.seal(user, SECRET), "a fresh nonce each time");
    }

    @Test
    void anotherKeyOrATamperedTextOpensNothing() {
        UUID user = UUID.randomUUID();
        String sealed = SecretSeal.of(KEY).seal(user, SECRET);
        assertTrue(SecretSeal.of(KEY + "-other").open(user, sealed).isEmpty());
        char last = sealed.charAt(sealed.length() - 1);
        String tampered = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertTrue(SecretSeal.of(KEY).open(user, tampered).isEmpty());
    }

    @Test
    void withoutAKeyOrWithAShortOneNothingIsSealed() {
        assertFalse(SecretSeal.of(null).isAvailable());
        assertFalse(SecretSeal.of("too-short").isAvailable());
        assertTrue(SecretSeal.of(KEY).isAvailable());
        assertThrows(IllegalStateException.class, () -> SecretSeal.of(null).seal(UUID.randomUUID(), SECRET));
        assertTrue(SecretSeal.of(null).open(UUID.randomUUID(), "anything").isEmpty());
    }

    @Test
    void theDevelopmentChannelSealsUnderAKeyOfThisStartWhenNoneIsSet() {
        SecretSeal first = SecretSeal.of(null, Channel.DEVELOPMENT);
        SecretSeal second = SecretSeal.of(" ", Channel.DEVELOPMENT);
        assertTrue(first.isAvailable());
        UUID user = UUID.randomUUID();
        String sealed = first.seal(user, SECRET);
        assertArrayEquals(SECRET, first.open(user, sealed).orElseThrow());
        assertTrue(second.open(user, sealed).isEmpty(), "another start, another key");
        // A key that is set wins, the same on every start; a too short one is a mistake, not a development key.
        assertArrayEquals(SECRET, SecretSeal.of(KEY).open(user, SecretSeal.of(KEY, Channel.DEVELOPMENT).seal(user, SECRET)).orElseThrow());
        assertFalse(SecretSeal.of("too-short", Channel.DEVELOPMENT).isAvailable());
        assertFalse(SecretSeal.of(null, Channel.VONAGE).isAvailable(), "never without a key on a real channel");
    }
}

package com.videoapi.portal.security.verification.control;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import com.videoapi.portal.security.verification.boundary.Channel;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NumberHashesTest {

    private static final PhoneNumber NUMBER = PhoneNumber.ofE164("+447400123456");
    private static final String KEY = "a test key of at least thirty-two characters";

    @Test
    void a_number_is_counted_by_its_keyed_hash_the_same_on_every_node_and_never_by_its_digits() {
        String hash = NumberHashes.of(KEY, Channel.VONAGE).hashOf(NUMBER).orElseThrow();

        assertEquals(hash, NumberHashes.of(KEY + "\n", Channel.VONAGE).hashOf(NUMBER).orElseThrow(), "a file's line break is no part of the key");
        assertEquals(43, hash.length());
        assertFalse(hash.contains("7400123456"), hash);
        assertNotEquals(hash, NumberHashes.of(KEY, Channel.VONAGE).hashOf(PhoneNumber.ofE164("+447400123457")).orElseThrow());
        assertNotEquals(hash, NumberHashes.of("another key of at least thirty-two characters", Channel.VONAGE)
                .hashOf(NUMBER).orElseThrow(), "without the key nobody can hash a list of numbers to find one");
    }

    @Test
    void vonage_without_the_key_fails_closed_and_says_which_setting() {
        NumberHashes none = NumberHashes.of(null, Channel.VONAGE);
        assertEquals(Optional.empty(), none.hashOf(NUMBER));
        assertEquals(Optional.of("twofactor.number-key is not set: no code is sent"), none.problem());

        NumberHashes tooShort = NumberHashes.of("short secret", Channel.VONAGE);
        assertEquals(Optional.empty(), tooShort.hashOf(NUMBER));
        assertTrue(tooShort.problem().orElseThrow().contains("shorter than 32 characters"));
        assertFalse(tooShort.problem().orElseThrow().contains("short secret"), "never the value");
    }

    @Test
    void the_development_channel_without_the_key_counts_under_a_key_of_its_own_start() {
        NumberHashes development = NumberHashes.of(null, Channel.DEVELOPMENT);
        assertTrue(development.hashOf(NUMBER).isPresent());
        assertEquals(Optional.empty(), development.problem());
    }
}

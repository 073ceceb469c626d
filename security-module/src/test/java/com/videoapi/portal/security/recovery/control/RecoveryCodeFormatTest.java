package com.videoapi.portal.security.recovery.control;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecoveryCodeFormatTest {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}");

    @Test
    void codesAreTwelveCharactersOfTheAlphabetGroupedByFour() {
        for (int i = 0; i < 1000; i++) {
            String code = RecoveryCodeFormat.newCode();
            assertTrue(SHAPE.matcher(code).matches(), code);
        }
    }

    @Test
    void theAlphabetLeavesOutLettersPeopleMisread() {
        assertEquals(32, RecoveryCodeFormat.ALPHABET.length());
        assertEquals(32, RecoveryCodeFormat.ALPHABET.chars().distinct().count());
        for (char c : "ilou".toCharArray()) {
            assertEquals(-1, RecoveryCodeFormat.ALPHABET.indexOf(c), "no " + c);
        }
        // 12 characters of 32: 60 bits, above the 50 the issue asks for.
        assertTrue(RecoveryCodeFormat.LENGTH * 5 >= 50);
    }

    @Test
    void everyCharacterOfTheAlphabetTurnsUp() {
        Set<Character> seen = new HashSet<>();
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 200; i++) {
            RecoveryCodeFormat.newCode(random).chars().filter(c -> c != '-').forEach(c -> seen.add((char) c));
        }
        assertEquals(32, seen.size());
    }

    @Test
    void typedCodesAreReadLeniently() {
        assertEquals(Optional.of("k7dqm2xp9hfa"), RecoveryCodeFormat.normalised("k7dq-m2xp-9hfa"));
        assertEquals(Optional.of("k7dqm2xp9hfa"), RecoveryCodeFormat.normalised(" K7DQ M2XP 9HFA "));
        assertEquals(Optional.of("k7dqm2xp9hfa"), RecoveryCodeFormat.normalised("k7dqm2xp9hfa"));
        assertEquals(Optional.of("1100abcdefgh"), RecoveryCodeFormat.normalised("il0O-abcd-efgh"), "i, l and o read as digits");
    }

    @Test
    void whatCannotBeACodeIsRefusedUnhashed() {
        assertEquals(Optional.empty(), RecoveryCodeFormat.normalised(null));
        assertEquals(Optional.empty(), RecoveryCodeFormat.normalised("k7dq-m2xp-9hf"));
        assertEquals(Optional.empty(), RecoveryCodeFormat.normalised("k7dq-m2xp-9hfaa"));
        assertEquals(Optional.empty(), RecoveryCodeFormat.normalised("k7dq-m2xp-9hfu"), "u is not in the alphabet");
        assertEquals(Optional.empty(), RecoveryCodeFormat.normalised("123456"));
        assertEquals(Optional.empty(), RecoveryCodeFormat.normalised("k".repeat(100)));
    }

    @Test
    void theHashIsSha256InHex() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", RecoveryCodeFormat.hashOf(""));
        assertEquals(64, RecoveryCodeFormat.hashOf("k7dqm2xp9hfa").length());
        assertNotEquals(RecoveryCodeFormat.hashOf("k7dqm2xp9hfa"), RecoveryCodeFormat.hashOf("k7dqm2xp9hfb"));
    }
}

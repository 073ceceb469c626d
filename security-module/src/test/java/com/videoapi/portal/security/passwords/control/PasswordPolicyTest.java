package com.videoapi.portal.security.passwords.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {

    @Test
    void eleven_characters_are_too_few_and_twelve_are_enough() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PasswordPolicy.requireAcceptable("a".repeat(11)));
        assertTrue(refused.getMessage().contains("at least 12"));
        assertEquals("a".repeat(12), PasswordPolicy.requireAcceptable("a".repeat(12)));
    }

    @Test
    void one_hundred_twenty_eight_characters_are_allowed_and_one_more_is_not() {
        assertEquals(128, PasswordPolicy.requireAcceptable("b".repeat(128)).length());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PasswordPolicy.requireAcceptable("b".repeat(129)));
        assertTrue(refused.getMessage().contains("at most 128"));
    }

    @Test
    void any_characters_count_as_the_person_sees_them() {
        // Twelve emoji are twelve characters although Java stores them as twenty-four chars.
        String emoji = "\uD83D\uDD12".repeat(12);
        assertEquals(emoji, PasswordPolicy.requireAcceptable(emoji));
        assertThrows(IllegalArgumentException.class, () -> PasswordPolicy.requireAcceptable("\uD83D\uDD12".repeat(11)));
    }

    @Test
    void no_composition_rules_only_length() {
        assertEquals("correct horse battery", PasswordPolicy.requireAcceptable("correct horse battery"));
    }

    @Test
    void the_same_passphrase_composed_differently_normalises_alike() {
        String composed = "caf\u00e9 au lait, merci";
        String decomposed = "cafe\u0301 au lait, merci";
        assertEquals(PasswordPolicy.normalised(composed), PasswordPolicy.normalised(decomposed));
    }

    @Test
    void an_empty_or_missing_password_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> PasswordPolicy.requireAcceptable(""));
        assertThrows(IllegalArgumentException.class, () -> PasswordPolicy.requireAcceptable(null));
    }
}

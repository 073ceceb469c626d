package com.videoapi.portal.security.passwords.control;

import com.videoapi.portal.security.passwords.boundary.PasswordProblem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {

    @Test
    void eleven_characters_are_too_few_and_twelve_are_enough() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PasswordPolicy.requireAcceptable("kestrel win"));
        assertTrue(refused.getMessage().contains("at least 12"));
        assertEquals("kestrel wing", PasswordPolicy.requireAcceptable("kestrel wing"));
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
    void a_common_password_is_refused_for_being_common_whatever_its_capitals_or_spaces() {
        for (String common : new String[] {"password1234", "Password1234", "1qaz2wsx3edc", "qwerty 123456", "AAAAAAAAAAAA"}) {
            PasswordProblem.Refused refused = assertThrows(PasswordProblem.Refused.class,
                    () -> PasswordPolicy.requireAcceptable(common), common);
            assertEquals(PasswordProblem.COMMON, refused.problem(), common);
        }
    }

    @Test
    void a_length_problem_is_said_before_commonness() {
        // "password" is as common as can be, but too short says more about what to do.
        assertEquals(PasswordProblem.TOO_SHORT,
                assertThrows(PasswordProblem.Refused.class, () -> PasswordPolicy.requireAcceptable("password")).problem());
    }

    @Test
    void an_empty_or_missing_password_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> PasswordPolicy.requireAcceptable(""));
        assertThrows(IllegalArgumentException.class, () -> PasswordPolicy.requireAcceptable(null));
    }
}

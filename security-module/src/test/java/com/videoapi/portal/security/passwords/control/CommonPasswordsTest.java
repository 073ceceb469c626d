package com.videoapi.portal.security.passwords.control;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommonPasswordsTest {

    @Test
    void the_bundled_list_is_there_whole() {
        // 43,940: the entries of 12 to 128 characters among the top million (common-passwords.NOTICE.txt).
        assertEquals(43_940, CommonPasswords.size());
    }

    @Test
    void every_entry_is_one_the_length_rule_would_let_through_in_lower_case() {
        for (String entry : CommonPasswords.load()) {
            int length = entry.codePointCount(0, entry.length());
            assertTrue(length >= PasswordPolicy.MIN_LENGTH && length <= PasswordPolicy.MAX_LENGTH, entry);
            assertEquals(entry.toLowerCase(Locale.ROOT), entry);
            assertEquals(PasswordPolicy.normalised(entry), entry);
        }
    }

    @Test
    void the_most_common_long_passwords_are_on_it() {
        for (String common : new String[] {"123qweasdzxc", "1qaz2wsx3edc", "qwerty123456", "password1234",
                "passwordpassword", "iloveyou1234", "123456789012"}) {
            assertTrue(CommonPasswords.contains(common), common);
        }
    }

    @Test
    void capitals_and_spaces_do_not_make_a_common_password_another_one() {
        assertTrue(CommonPasswords.contains("Password1234"));
        assertTrue(CommonPasswords.contains("QWERTY123456"));
        assertTrue(CommonPasswords.contains("qwerty 123456"));
        assertTrue(CommonPasswords.contains("password\t1234"));
    }

    @Test
    void the_passwords_of_the_tests_and_a_good_passphrase_are_not_on_it() {
        // The integration suite signs up with these: were they refused, every test would fail first here.
        for (String password : Set.of("correct horse battery staple", "a brand new long passphrase",
                "not my password at all", "correct horse battery")) {
            assertFalse(CommonPasswords.contains(password), password);
        }
    }
}

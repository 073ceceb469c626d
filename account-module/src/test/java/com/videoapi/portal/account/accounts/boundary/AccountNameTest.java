package com.videoapi.portal.account.accounts.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AccountNameTest {

    @Test
    void surrounding_space_is_dropped_and_inner_space_kept() {
        assertEquals("Acme Video", AccountName.of("  Acme Video \n").value());
    }

    @Test
    void a_name_of_one_hundred_characters_fits_and_one_more_does_not() {
        assertEquals(100, AccountName.of("n".repeat(100)).value().length());
        assertThrows(IllegalArgumentException.class, () -> AccountName.of("n".repeat(101)));
    }

    @Test
    void letters_of_any_script_are_welcome() {
        assertEquals("東京スタジオ 🎬", AccountName.of("東京スタジオ 🎬").value());
    }

    @Test
    void empty_blank_and_control_characters_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> AccountName.of(null));
        assertThrows(IllegalArgumentException.class, () -> AccountName.of(" \t "));
        assertThrows(IllegalArgumentException.class, () -> AccountName.of("Acme\u0007Video"));
    }
}

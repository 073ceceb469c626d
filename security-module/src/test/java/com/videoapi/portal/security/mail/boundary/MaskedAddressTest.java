package com.videoapi.portal.security.mail.boundary;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class MaskedAddressTest {

    @Test
    void keeps_the_first_character_and_the_domain_only() {
        assertEquals("a•••@example.com", MaskedAddress.of("ann.smith@example.com"));
        assertEquals("•••", MaskedAddress.of("no-at-sign"));
        assertEquals("(none)", MaskedAddress.of(null));
    }

    @Test
    void a_letter_prints_without_the_whole_address_or_its_values() {
        Letter letter = new Letter(MailKind.PASSWORD_RESET, null, "ann.smith@example.com", Locale.ENGLISH,
                Map.of("link", "http://localhost:8080/reset.xhtml?token=secret"));
        assertFalse(letter.toString().contains("ann.smith"));
        assertFalse(letter.toString().contains("secret"));
    }
}

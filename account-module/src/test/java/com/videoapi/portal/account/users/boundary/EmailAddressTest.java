package com.videoapi.portal.account.users.boundary;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmailAddressTest {

    @Test
    void the_same_address_typed_differently_is_the_same_sign_in_name() {
        assertEquals(EmailAddress.of("ann@example.com"), EmailAddress.of("  Ann@Example.COM \t"));
    }

    @Test
    void a_decomposed_accent_is_stored_composed() {
        String decomposed = "jose\u0301@example.com";
        assertEquals("jos\u00e9@example.com", EmailAddress.of(decomposed).value());
    }

    @Test
    void the_local_part_is_what_comes_before_the_at_sign() {
        assertEquals("ann.lee", EmailAddress.of("Ann.Lee@example.com").localPart());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ann", "ann@", "@example.com", "ann@example", "ann@@example.com",
            "ann lee@example.com", "ann@exa mple.com", "ann@example..com", "ann\u0000@example.com"})
    void malformed_addresses_are_refused_with_a_message_for_people(String raw) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> EmailAddress.of(raw));
        assertEquals(true, refused.getMessage().startsWith("Enter"));
    }

    @Test
    void a_null_address_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> EmailAddress.of(null));
    }

    @Test
    void an_address_longer_than_rfc_5321_allows_is_refused() {
        String tooLong = "a".repeat(64) + "@" + "b".repeat(186) + ".com"; // 255 characters
        assertThrows(IllegalArgumentException.class, () -> EmailAddress.of(tooLong));
        assertEquals(254, EmailAddress.of("a".repeat(64) + "@" + "b".repeat(185) + ".com").value().length());
    }

    @Test
    void ten_thousand_characters_are_refused_not_crashed_on() {
        assertThrows(IllegalArgumentException.class, () -> EmailAddress.of("x".repeat(10_000)));
    }
}

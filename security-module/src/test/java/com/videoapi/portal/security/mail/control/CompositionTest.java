package com.videoapi.portal.security.mail.control;

import com.videoapi.portal.security.mail.boundary.Letter;
import com.videoapi.portal.security.mail.boundary.MailKind;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompositionTest {

    private static final Map<String, String> VALUES = Map.of(
            "link", "http://localhost:8080/verify-email.xhtml?token=abc",
            "signin", "http://localhost:8080/signin.xhtml",
            "newAddress", "new@example.com");

    /** The kinds whose words this branch wrote; the others' come with their features. */
    private static final Set<MailKind> WRITTEN = EnumSet.of(MailKind.ADDRESS_VERIFICATION, MailKind.ADDRESS_TAKEN,
            MailKind.ADDRESS_CHANGE_CONFIRMATION, MailKind.ADDRESS_CHANGE_NOTICE);

    @Test
    void every_written_kind_has_all_three_parts_in_english_and_german_with_every_placeholder_filled() {
        for (MailKind kind : WRITTEN) {
            for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
                Composition words = Composition.of(new Letter(kind, UUID.randomUUID(), "ann@example.com", locale, VALUES));
                for (String part : new String[] {words.subject(), words.text(), words.html()}) {
                    assertFalse(part.isBlank(), kind + " " + locale);
                    assertFalse(part.matches("(?s).*\\{[a-zA-Z]+}.*"), kind + " " + locale + " left a placeholder: " + part);
                }
                assertTrue(words.text().contains("ann@example.com"), "names the account: " + kind);
                assertTrue(words.html().contains("ann@example.com"), "names the account: " + kind);
            }
        }
    }

    @Test
    void german_is_chosen_by_the_letters_language_and_anything_else_is_english() {
        Letter german = new Letter(MailKind.ADDRESS_VERIFICATION, null, "ann@example.com", Locale.forLanguageTag("de-AT"), VALUES);
        Letter french = new Letter(MailKind.ADDRESS_VERIFICATION, null, "ann@example.com", Locale.FRENCH, VALUES);
        assertEquals("Bestätigen Sie Ihre E-Mail-Adresse", Composition.of(german).subject());
        assertEquals("Confirm your email address", Composition.of(french).subject());
    }

    @Test
    void the_link_is_in_both_parts_and_values_are_escaped_in_html_only() {
        Letter letter = new Letter(MailKind.ADDRESS_CHANGE_CONFIRMATION, null, "ann@example.com", Locale.ENGLISH,
                Map.of("link", "http://localhost:8080/x.xhtml?token=a&b", "newAddress", "<b>evil</b>@example.com"));
        Composition words = Composition.of(letter);
        assertTrue(words.text().contains("http://localhost:8080/x.xhtml?token=a&b"));
        assertTrue(words.html().contains("href=\"http://localhost:8080/x.xhtml?token=a&amp;b\""));
        assertTrue(words.text().contains("<b>evil</b>@example.com"));
        assertFalse(words.html().contains("<b>evil</b>"));
        assertTrue(words.html().contains("&lt;b&gt;evil&lt;/b&gt;@example.com"));
    }

    @Test
    void the_taken_address_mail_says_what_the_issue_asks_for() {
        Composition words = Composition.of(new Letter(MailKind.ADDRESS_TAKEN, null, "ann@example.com", null, VALUES));
        assertTrue(words.text().contains(
                "Someone tried to create an account with your address; if it was you, sign in or reset your password"));
    }

    @Test
    void a_placeholder_without_a_value_stays_visible() {
        assertEquals("a {missing} b", Composition.fill("a {missing} b", Map.of(), false));
    }

    @Test
    void a_kind_without_words_fails_loudly() {
        Letter letter = new Letter(MailKind.SECURITY_NOTICE, null, "ann@example.com", null, Map.of());
        if (!Composition.bundle(Locale.ENGLISH).containsKey("SECURITY_NOTICE.subject")) {
            org.junit.jupiter.api.Assertions.assertThrows(MissingResourceException.class, () -> Composition.of(letter));
        }
    }
}

package com.videoapi.portal.security.notices.control;

import com.videoapi.portal.security.audit.boundary.SecurityEvent;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.notices.boundary.SecurityNotices;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoticeWordsTest {

    private static final Instant AT = Instant.parse("2026-11-30T23:30:05Z");

    @Test
    void a_notice_says_what_when_in_utc_and_from_which_device_and_address() {
        SecurityEvent event = new SecurityEvent(AT, Kind.TWO_FACTOR_DISABLED, null, "+44 •••• ••3456", "203.0.113.7",
                "Mozilla/5.0 (Windows NT 10.0) Chrome/120.0", null);
        Map<String, String> values = NoticeWords.valuesOf(event, Locale.ENGLISH, "Chrome on Windows", "http://portal/x");
        assertEquals("Two-factor authentication was switched off.", values.get("what"));
        assertTrue(values.get("when").endsWith("11:30:05 PM UTC"), values.get("when"));
        assertTrue(values.get("when").contains("2026"), values.get("when"));
        assertEquals("Chrome on Windows", values.get("device"));
        assertEquals("203.0.113.7", values.get("ip"));
        assertEquals("http://portal/x", values.get("link"));
    }

    @Test
    void in_german_the_sentence_and_the_date_are_german_and_the_time_still_utc() {
        SecurityEvent event = new SecurityEvent(AT, Kind.PASSWORD_CHANGED, null, null, "203.0.113.7", "x", null);
        Map<String, String> values = NoticeWords.valuesOf(event, Locale.GERMAN, "Unknown browser", "l");
        assertEquals("Das Passwort wurde geändert.", values.get("what"));
        assertTrue(values.get("when").startsWith("30.11.2026"), values.get("when"));
        assertTrue(values.get("when").endsWith("23:30:05 UTC"), values.get("when"));
    }

    @Test
    void a_change_made_by_an_operator_names_no_browser() {
        SecurityEvent event = new SecurityEvent(AT, Kind.TWO_FACTOR_RESET, null, null, null, null, "by operator admin");
        Map<String, String> values = NoticeWords.valuesOf(event, Locale.ENGLISH, "Unknown browser", "l");
        assertEquals("the operators of the portal", values.get("device"));
        assertEquals("–", values.get("ip"));
    }

    @Test
    void every_kind_a_notice_goes_out_for_has_its_sentence_in_both_languages() {
        ResourceBundle english = ResourceBundle.getBundle(NoticeWords.BUNDLE, Locale.ROOT);
        ResourceBundle german = ResourceBundle.getBundle(NoticeWords.BUNDLE, Locale.GERMAN);
        for (Kind kind : SecurityNotices.NOTIFIED) {
            assertTrue(english.containsKey("notice.what." + kind), kind.name());
            // Not the English words inherited from the base bundle.
            assertTrue(!german.getString("notice.what." + kind).equals(english.getString("notice.what." + kind)), kind.name());
        }
        assertTrue(SecurityNotices.NOTIFIED.size() >= 10);
    }

    @Test
    void languages_the_portal_does_not_write_get_english() {
        assertEquals(Locale.GERMAN, NoticeWords.supported(Locale.forLanguageTag("de-AT")));
        assertEquals(Locale.ENGLISH, NoticeWords.supported(Locale.forLanguageTag("fr-FR")));
        assertEquals(Locale.ENGLISH, NoticeWords.supported(null));
    }
}

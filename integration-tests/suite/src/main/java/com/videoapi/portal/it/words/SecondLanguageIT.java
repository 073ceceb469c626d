package com.videoapi.portal.it.words;

import com.videoapi.portal.it.support.Mailbox;
import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.security.verification.fake.FakeVerifyApi.SentCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal speaks the browser's language: German when it asks for German (Accept-Language), with
 * German labels, messages, dates and text messages; English, unchanged, otherwise.
 */
class SecondLanguageIT extends PortalTest {

    /** A date of the recent events: "30. Nov. 2026, 14:05 UTC" in German, "30 Nov 2026, 14:05 UTC" in English. */
    private static final Pattern GERMAN_DATE = Pattern.compile("\\d{1,2}\\. \\p{L}+\\.? \\d{4}, \\d{2}:\\d{2} UTC");
    private static final Pattern ENGLISH_DATE = Pattern.compile("\\d{1,2} \\p{L}{3} \\d{4}, \\d{2}:\\d{2} UTC");

    @BeforeEach
    void freshFake() {
        verifyApi.reset();
    }

    @Test
    void a_german_browser_signs_up_and_switches_on_2fa_in_german() {
        String number = uniqueUkMobile();
        String email = uniqueEmail("de");
        browser.header("Accept-Language", "de-DE,de;q=0.9");
        // 1. Sign up, in German.
        browser.open("/create-account.xhtml");
        assertEquals("de", browser.html().getDocumentElement().getAttribute("lang"));
        assertEquals("Konto erstellen", browser.heading());
        browser.fillIn("Kontoname", "Bäckerei Schmidt").fillIn("E-Mail", email).fillIn("Passwort", PASSWORD).press("Konto erstellen");
        assertEquals("Sehen Sie in Ihrem Posteingang nach, um abzuschließen", browser.heading(), browser.describe());
        // The mail with the link speaks the language the person signed up in.
        assertEquals("Bestätigen Sie Ihre E-Mail-Adresse", Mailbox.newest(email).subject());
        browser.open("/signin.xhtml").fillIn("E-Mail", email).fillIn("Passwort", PASSWORD).press("Anmelden");
        assertEquals("/", browser.path(), browser.describe());
        assertTrue(browser.shows("Willkommen"), browser.describe());
        // 2. Profile: Security Settings in German, the countries named in German.
        browser.press("Profil");
        assertTrue(browser.shows("Sicherheitseinstellungen"), browser.describe());
        assertTrue(browser.shows("Die Zwei-Faktor-Authentifizierung ist ausgeschaltet"));
        assertEquals(1, browser.html().getByXPath("//option[normalize-space(.)='Vereinigtes Königreich (+44)']").size());
        // 3. A number that is no mobile: refused at its field, in German.
        browser.check("2FA verwenden").choose("Land", "GB").fillIn("Telefonnummer", "020 7946 0000").press("Senden");
        assertTrue(browser.shows("Das scheint eine Festnetz- oder Servicenummer zu sein"), browser.describe());
        assertEquals(0, codesSentTo(number));
        // 4. The mobile: a code is sent, and Verify is asked for a German text message.
        browser.check("2FA verwenden").choose("Land", "GB").fillIn("Telefonnummer", number).press("Senden");
        assertTrue(browser.shows("Wir haben einen 6-stelligen Code an " + masked(number) + " gesendet."), browser.describe());
        SentCode sent = verifyApi.lastSentTo(number);
        assertEquals("de-de", sent.locale());
        // 5. A wrong code: a German error; the right one: on.
        browser.fillIn("Bestätigungscode", sent.code().equals("000000") ? "111111" : "000000").press("Bestätigen");
        assertTrue(browser.shows("Dieser Code ist nicht richtig."), browser.describe());
        browser.fillIn("Bestätigungscode", sent.code()).press("Bestätigen");
        assertTrue(browser.shows("Die Zwei-Faktor-Authentifizierung ist eingeschaltet."), browser.describe());
        // 6. Recent events and their dates, in German, still in UTC.
        String events = browser.html().getElementById("recent-events").asNormalizedText();
        assertTrue(events.contains("Zwei-Faktor-Authentifizierung eingeschaltet"), events);
        assertTrue(GERMAN_DATE.matcher(events).find(), events);
        // 7. Signing in again: the code page and the sign-in code in German too.
        browser.press("Abmelden");
        assertTrue(browser.shows("Sie haben sich abgemeldet."), browser.describe());
        browser.fillIn("E-Mail", email).fillIn("Passwort", PASSWORD).press("Anmelden");
        assertEquals("Code eingeben", browser.heading());
        assertEquals("de-de", verifyApi.lastSentTo(number).locale());
        browser.fillIn("Bestätigungscode", verifyApi.lastCodeSentTo(number)).press("Bestätigen");
        assertEquals("/", browser.path(), browser.describe());
    }

    @Test
    void an_english_browser_reads_the_portal_as_before() {
        String number = uniqueUkMobile();
        browser.header("Accept-Language", "en-GB,en;q=0.8");
        signUp("Tea Rooms", uniqueEmail("en"));
        assertEquals("en", browser.html().getDocumentElement().getAttribute("lang"));
        askForEnrolmentCode(number);
        assertTrue(browser.shows("We sent a 6-digit code to " + masked(number) + ". Enter it below to confirm the number."), browser.describe());
        SentCode sent = verifyApi.lastSentTo(number);
        assertEquals("en-us", sent.locale(), "English, in Verify's own default");
        browser.fillIn("Verification code", sent.code().equals("000000") ? "111111" : "000000").press("Confirm");
        assertTrue(browser.shows("That code is not right. Check the text message and try again."), browser.describe());
        browser.fillIn("Verification code", sent.code()).press("Confirm");
        assertTrue(browser.shows("Two-factor authentication is enabled."), browser.describe());
        assertTrue(browser.shows("Two-factor authentication is on: sign-ins need a code sent to " + masked(number) + "."));
        String events = browser.html().getElementById("recent-events").asNormalizedText();
        assertTrue(events.contains("Two factor enabled"), events);
        assertTrue(ENGLISH_DATE.matcher(events).find(), events);
        assertFalse(browser.text().contains("Zwei-Faktor"));
    }

    @Test
    void a_language_the_portal_does_not_speak_gets_english() {
        browser.header("Accept-Language", "ja-JP,ja;q=0.9");
        browser.open("/signin.xhtml");
        assertEquals("Sign in", browser.heading());
        assertTrue(browser.shows("New here?"));
    }
}

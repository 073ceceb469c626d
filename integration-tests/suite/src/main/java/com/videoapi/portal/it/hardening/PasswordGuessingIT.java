package com.videoapi.portal.it.hardening;

import com.videoapi.portal.it.support.PortalTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guessing passwords: counted per account, locked after ten, and the answers tell nothing. */
class PasswordGuessingIT extends PortalTest {

    private static final String REFUSED = "The email address or password is incorrect.";

    @Test
    void ten_wrong_passwords_lock_the_account_and_the_answer_stays_the_same() {
        String email = uniqueEmail("pwd");
        signUp("Password Lock", email);
        browser.press("Sign out");
        for (int i = 0; i < 10; i++) {
            browser.cookies().clearCookies(); // a new session each time does not help
            signIn(email, "wrong guess number " + i);
            assertTrue(browser.shows(REFUSED));
        }
        // Locked: the right password gets the very same answer as a wrong one or an unknown address.
        signIn(email, PASSWORD);
        assertEquals("/signin.xhtml", browser.path());
        String locked = messages();
        signIn(uniqueEmail("nobody"), PASSWORD);
        assertEquals(locked, messages());
        assertEquals(REFUSED, locked);
        // Fifteen minutes later the owner is in, and the next lock would last twice as long.
        advanceServerClock(Duration.ofMinutes(16));
        signIn(email, PASSWORD);
        assertEquals("/", browser.path());
    }

    private String messages() {
        return browser.html().getElementById("signin:messages").asNormalizedText();
    }
}

package com.videoapi.portal.it.payara;

import com.videoapi.portal.it.support.PortalSteps;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal on Payara Server 6, end to end: sign up, enable 2FA with a code from the fake Verify
 * API, sign in again with the password and a code.
 *
 * <p>Runs only in {@code mvn verify -Ppayara}, and is all that runs there: Maven creates the domain,
 * applies {@code src/main/payara/*.asadmin}, deploys {@code account-portal-payara.ear} with asadmin
 * and stops the domain afterwards (see the {@code payara} profile of ear/pom.xml). Not Arquillian: the
 * newest release of Payara's Arquillian containers (2.5) targets Java EE 8 and Payara 5 (a javax Jersey
 * client); its Jakarta line is still 3.0 alphas.
 */
class PayaraSmokeIT extends PortalSteps {

    @Test
    void a_new_person_enables_2fa_and_signs_in_with_a_code() {
        String email = uniqueEmail("payara");
        String number = uniqueUkMobile();
        // 1. Sign up: the account exists and its owner is signed in, on its home.
        signUp("Payara Ltd", email);
        assertEquals("/", browser.path(), browser.text());
        assertEquals("Payara Ltd", browser.heading());
        // 2. Profile, Use 2FA, a mobile number; the code the fake Verify API "sent" turns 2FA on.
        enableTwoFactor(number, number);
        assertEquals(1, codesSentTo(number));
        // 3. Signed out, the password alone leads to the code page; a second code went out.
        browser.press("Sign out");
        signIn(email, PASSWORD);
        assertEquals("/signin-code.xhtml", browser.path());
        assertTrue(browser.shows(masked(number)), browser.text());
        assertEquals(2, codesSentTo(number));
        String sessionAfterPassword = browser.sessionId();
        browser.open("/profile.xhtml");
        assertEquals("/signin-code.xhtml", browser.path(), "half-way, the account stays shut");
        // 4. The right code signs in, under a new session id.
        browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Verify");
        assertEquals("/", browser.path());
        assertEquals("Payara Ltd", browser.heading());
        assertNotEquals(sessionAfterPassword, browser.sessionId());
    }
}

package com.videoapi.portal.it.twofactor;

import com.videoapi.portal.it.support.PortalTest;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A lost or changed phone: switching 2FA off (from a trusted device or with a code), and on again. */
class DisableAndReenableIT extends PortalTest {

    @Test
    void from_a_trusted_device_the_password_is_enough_then_a_new_number_is_enrolled() {
        String oldNumber = uniqueUkMobile();
        String email = personWithTwoFactor("ada", oldNumber);
        browser.press("Sign out");
        signInWithCode(email, oldNumber, true);
        browser.press("Sign out");
        // 1. The phone is lost. From the trusted browser: the password alone signs in.
        signIn(email, PASSWORD);
        assertEquals("/", browser.path());
        // 2. Untick Use 2FA, confirm the password: off, with no code sent.
        long sent = codesSentTo(oldNumber);
        browser.open("/profile.xhtml").uncheck("Use 2FA").fillIn("Password", PASSWORD).press("Turn off 2FA");
        assertTrue(browser.shows("Two-factor authentication is disabled."), browser.describe());
        assertEquals(sent, codesSentTo(oldNumber));
        assertTrue(browser.shows("Two-factor authentication is off"));
        // 3. Every trusted device is revoked with it.
        assertTrue(browser.shows("No trusted devices."));
        // 4. On again with the new number (a while later: enrolment codes have a resend cooldown).
        waitOutResendCooldown();
        String newNumber = uniqueUkMobile();
        enableTwoFactor(newNumber, newNumber);
        assertTrue(browser.shows(masked(newNumber)));
        // 5. The next sign-in's code goes to the new number, not the old one.
        browser.press("Sign out");
        long toOld = codesSentTo(oldNumber);
        assertTrue(toOld > 0);
        signIn(email, PASSWORD);
        assertEquals("/signin-code.xhtml", browser.path(), "the old trust went with the old number");
        assertTrue(browser.shows(masked(newNumber)));
        assertEquals(toOld, codesSentTo(oldNumber));
        browser.fillIn("Verification code", verifyApi.lastCodeSentTo(newNumber)).press("Verify");
        assertEquals("/", browser.path());
    }

    @Test
    void from_an_untrusted_device_a_code_to_the_current_number_is_needed_too() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("bea", number);
        browser.press("Sign out");
        signInWithCode(email, number, false);
        // 1. The password is not enough here: a code goes to the current number.
        browser.open("/profile.xhtml").uncheck("Use 2FA").fillIn("Password", PASSWORD).press("Turn off 2FA");
        assertTrue(browser.shows("This device is not trusted, so we sent a 6-digit code to " + masked(number)), browser.describe());
        assertTrue(browser.shows("Two-factor authentication is on"));
        // 2. The code turns it off.
        browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Confirm");
        assertTrue(browser.shows("Two-factor authentication is disabled."));
        browser.press("Sign out");
        signIn(email, PASSWORD);
        assertEquals("/", browser.path(), "no code any more");
    }

    @Test
    void a_wrong_password_changes_nothing() {
        String number = uniqueUkMobile();
        personWithTwoFactor("cai", number);
        long sent = codesSentTo(number);
        browser.open("/profile.xhtml").uncheck("Use 2FA").fillIn("Password", "not my password at all").press("Turn off 2FA");
        assertTrue(browser.shows("That password is not right."));
        assertTrue(browser.shows("Two-factor authentication is on"));
        assertEquals(sent, codesSentTo(number));
    }

    @Test
    void a_wrong_code_when_switching_off_changes_nothing() {
        String number = uniqueUkMobile();
        personWithTwoFactor("dee", number);
        browser.open("/profile.xhtml").uncheck("Use 2FA").fillIn("Password", PASSWORD).press("Turn off 2FA");
        String code = verifyApi.lastCodeSentTo(number);
        browser.fillIn("Verification code", wrongCode(code)).press("Confirm");
        assertTrue(browser.shows("That code is not right."));
        browser.open("/profile.xhtml");
        assertTrue(browser.shows("Two-factor authentication is on"));
    }
}

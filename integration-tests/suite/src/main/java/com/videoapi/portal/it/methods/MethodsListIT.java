package com.videoapi.portal.it.methods;

import com.videoapi.portal.it.support.AuthenticatorApp;
import com.videoapi.portal.it.support.Mailbox.Mail;
import com.videoapi.portal.it.support.MailsAbout;
import com.videoapi.portal.it.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one list of methods (issue 11): the phone number can go while the app stays (sign-ins then
 * open on the app and offer no text message, and "Add a phone number" brings one back), and removing
 * the last second factor is switching 2FA off, with its rules.
 */
class MethodsListIT extends PortalTest {

    @BeforeEach
    void freshFake() {
        verifyApi.reset();
    }

    @Test
    void the_number_goes_while_the_app_stays_and_sign_in_opens_on_the_app_without_any_text() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("rmn", number);
        browser.check("I have saved these codes").press("Continue");
        AuthenticatorApp app = addAuthenticatorApp();
        // 1. Remove the number (the proof of switching 2FA on is still fresh).
        browser.pressNamed("Remove phone number");
        assertTrue(browser.shows("Your phone number was removed."), browser.describe());
        assertTrue(browser.shows("sign-ins need your authenticator app or passkey"), browser.describe());
        assertNull(browser.html().getElementById("method-phone"), "no number row any more");
        assertTrue(browser.shows("Phone number removed"), "audited: " + browser.text());
        assertTrue(browser.shows("Add a phone number"), browser.describe());
        assertFalse(browser.shows("Change number"), browser.describe());
        browser.press("Sign out");

        // 2. Sign-in opens on the app; no text message, no "Text me a code".
        long sent = codesSentTo(number);
        advanceServerClock(Duration.ofSeconds(31));
        signIn(email, PASSWORD);
        assertEquals("/signin-app.xhtml", browser.path(), browser.describe());
        assertFalse(browser.shows("Text me a code"), browser.describe());
        browser.fillIn("Authenticator code", app.codeNow()).press("Verify");
        assertEquals("/", browser.path(), browser.describe());
        assertEquals(sent, codesSentTo(number));

        // 3. "Add a phone number": after a fresh proof by the app, a code to the new number confirms it.
        String newNumber = uniqueUkMobile();
        advanceServerClock(Duration.ofMinutes(6));
        browser.open("/profile.xhtml").press("Add a phone number");
        browser.fillIn("Confirm with your password", PASSWORD).press("Confirm it's you");
        assertFalse(browser.html().getByXPath("//input[@value='Send a code by text message']").iterator().hasNext(),
                "no number to text: " + browser.text());
        browser.fillIn("Authenticator code", app.codeNow()).press("Confirm with the app");
        browser.fillIn("New mobile number", newNumber).press("Send code to new number");
        browser.fillIn("Code sent to the new number", verifyApi.lastCodeSentTo(newNumber)).press("Confirm new number");
        assertTrue(browser.shows("Your number was changed. Sign-in codes now go to " + masked(newNumber)), browser.describe());
        assertTrue(browser.shows("Two-factor authentication is on: sign-ins need a code sent to " + masked(newNumber)),
                browser.text());
    }

    @Test
    void without_a_number_the_forgot_password_link_takes_the_apps_code() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("rmf", number);
        browser.check("I have saved these codes").press("Continue");
        AuthenticatorApp app = addAuthenticatorApp();
        browser.pressNamed("Remove phone number");
        browser.press("Sign out");
        long sent = codesSentTo(number);
        browser.open("/forgot-password.xhtml").fillIn("Email", email).press("Send the link");
        Mail link = MailsAbout.newest(email, MailsAbout.RESET_LINK, 1);
        // No "Continue" (it would send a code, and there is no number): the app's code, or a recovery code.
        browser.open(link.tokenPath());
        assertTrue(browser.html().getByXPath("//input[@value='Continue']").isEmpty(), browser.describe());
        advanceServerClock(Duration.ofSeconds(31));
        browser.fillIn("Authenticator code", wrongCode(app.codeNow())).press("Confirm with the app");
        assertTrue(browser.html().getByXPath("//label[normalize-space(.)='New password']").isEmpty(), browser.describe());
        browser.fillIn("Authenticator code", app.codeNow()).press("Confirm with the app");
        browser.fillIn("New password", "a freshly chosen long passphrase").press("Set new password");
        assertTrue(browser.shows("Your password was changed."), browser.describe());
        assertEquals(sent, codesSentTo(number), "no code to the removed number");
    }

    @Test
    void removing_the_last_factor_switches_two_factor_authentication_off() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("rml", number);
        browser.check("I have saved these codes").press("Continue");
        browser.pressNamed("Remove phone number");
        assertTrue(browser.shows("That was your last sign-in method, so two-factor authentication is disabled."),
                browser.text());
        assertTrue(browser.shows("Two-factor authentication is off"), browser.describe());
        assertTrue(browser.shows("Two factor disabled"), "audited as switching off: " + browser.text());
        assertNull(browser.html().getElementById("method-recovery-codes"), "the recovery codes went with it");
        // This session stays (it proved it); the password alone signs in now.
        browser.open("/profile.xhtml");
        assertEquals("/profile.xhtml", browser.path());
        browser.press("Sign out");
        signIn(email, PASSWORD);
        assertEquals("/", browser.path(), browser.describe());
    }

    @Test
    void removing_the_app_when_the_number_is_gone_switches_two_factor_authentication_off() {
        String number = uniqueUkMobile();
        personWithTwoFactor("rma", number);
        browser.check("I have saved these codes").press("Continue");
        addAuthenticatorApp();
        browser.pressNamed("Remove phone number");
        assertTrue(browser.shows("Your phone number was removed."), browser.describe());
        browser.pressNamed("Remove authenticator app");
        assertTrue(browser.shows("That was your last sign-in method, so two-factor authentication is disabled."),
                browser.text());
        assertTrue(browser.shows("Two-factor authentication is off"), browser.describe());
    }
}

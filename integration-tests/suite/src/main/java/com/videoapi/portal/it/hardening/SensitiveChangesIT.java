package com.videoapi.portal.it.hardening;

import com.videoapi.portal.it.support.Browser;
import com.videoapi.portal.it.support.PortalTest;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attacks on the settings that guard an account: stale sessions, forged requests, sessions left behind. */
class SensitiveChangesIT extends PortalTest {

    @BeforeEach
    void freshFake() {
        verifyApi.reset();
    }

    @Test
    void a_session_left_open_cannot_switch_on_2fa_without_the_password_again() {
        String number = uniqueUkMobile();
        signUp("Left Open", uniqueEmail("open"));
        // Someone finds the session six minutes later and tries to put their own phone on it.
        advanceServerClock(Duration.ofMinutes(6));
        askForEnrolmentCode(number);
        assertTrue(browser.shows("For your security, confirm it's you before this change."), browser.describe());
        assertEquals(0, codesSentTo(number));
        browser.fillIn("Confirm with your password", "a guess at the password").press("Confirm it's you");
        assertTrue(browser.shows("That password is not right."));
        assertEquals(0, codesSentTo(number));
        // The owner, who knows it, carries on where they were.
        browser.fillIn("Confirm with your password", PASSWORD).press("Confirm it's you");
        assertTrue(browser.shows("We sent a 6-digit code to " + masked(number)), browser.describe());
    }

    @Test
    void revoking_a_device_from_a_stale_untrusted_session_needs_password_and_code() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("rev", number);
        browser.press("Sign out");
        // A trusted device exists (another browser of the owner's).
        try (Browser laptop = browserSignedInWithTrust(email, number)) {
            waitOutResendCooldown();
            signInWithCode(email, number, false);
            advanceServerClock(Duration.ofMinutes(6));
            browser.open("/profile.xhtml").press("Revoke");
            assertTrue(browser.shows("confirm it's you"));
            browser.fillIn("Confirm with your password", PASSWORD).press("Confirm it's you");
            assertTrue(browser.shows("to confirm it's you"), browser.describe());
            browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Confirm");
            assertTrue(browser.shows("The device was revoked"), browser.describe());
        }
    }

    @Test
    void a_cross_site_post_without_view_state_does_not_switch_2fa_off() {
        String number = uniqueUkMobile();
        personWithTwoFactor("csrf", number);
        // A page elsewhere posts the switch-off form into the victim's session.
        browser.post("/profile.xhtml", List.of(
                new NameValuePair("security", "security"),
                new NameValuePair("security:password", PASSWORD),
                new NameValuePair("security:turn-off", "Turn off 2FA")));
        assertTrue(browser.shows("The form could not be sent, so nothing was changed."), browser.describe());
        browser.open("/profile.xhtml");
        assertTrue(browser.shows("Two-factor authentication is on"));
    }

    @Test
    void a_view_state_from_another_session_does_not_switch_2fa_off() {
        String number = uniqueUkMobile();
        personWithTwoFactor("vs", number);
        browser.open("/profile.xhtml");
        String victimsSession = browser.sessionId();
        // The attacker's own form, with its view state, replayed with the victim's cookie.
        try (Browser attacker = new Browser(baseUrl())) {
            Browser victim = browser;
            browser = attacker;
            signUp("Attacker", uniqueEmail("atk"));
            String attackersViewState = browser.open("/profile.xhtml").viewState();
            browser = victim;
            browser.post("/profile.xhtml", List.of(
                    new NameValuePair("security", "security"),
                    new NameValuePair("security:password", PASSWORD),
                    new NameValuePair("security:turn-off", "Turn off 2FA"),
                    new NameValuePair("jakarta.faces.ViewState", attackersViewState)));
        }
        assertEquals(victimsSession, browser.sessionId());
        browser.open("/profile.xhtml");
        assertTrue(browser.shows("Two-factor authentication is on"), browser.describe());
    }

    @Test
    void switching_2fa_on_ends_the_other_sessions_of_the_user() {
        String email = uniqueEmail("ses");
        signUp("Sessions", email);
        try (Browser other = new Browser(baseUrl())) {
            Browser mine = browser;
            browser = other;
            signIn(email, PASSWORD);
            assertEquals("/", browser.path());
            browser = mine;
            String number = uniqueUkMobile();
            enableTwoFactor(number, number);
            // This session stays; the other one is over.
            browser.open("/profile.xhtml");
            assertEquals("/profile.xhtml", browser.path());
            other.open("/profile.xhtml");
            assertEquals("/signin.xhtml", other.path());
        }
    }

    @Test
    void switching_2fa_off_ends_other_sessions_and_revokes_all_trusted_devices() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("off", number);
        browser.press("Sign out");
        try (Browser laptop = browserSignedInWithTrust(email, number)) {
            waitOutResendCooldown();
            signInWithCode(email, number, false);
            waitOutResendCooldown();
            browser.open("/profile.xhtml").uncheck("Use 2FA").fillIn("Password", PASSWORD).press("Turn off 2FA");
            browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Confirm");
            assertTrue(browser.shows("Two-factor authentication is disabled."), browser.describe());
            laptop.open("/profile.xhtml");
            assertEquals("/signin.xhtml", laptop.path(), "the laptop's session ended");
            assertTrue(browser.open("/profile.xhtml").shows("No trusted devices."));
        }
    }

    @Test
    void a_new_password_ends_other_sessions_and_revokes_trusted_devices() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("pw", number);
        browser.press("Sign out");
        try (Browser laptop = browserSignedInWithTrust(email, number)) {
            waitOutResendCooldown();
            signInWithCode(email, number, false);
            browser.open("/profile.xhtml").fillIn("Current password", PASSWORD)
                    .fillIn("New password", "a brand new long passphrase").press("Change password");
            assertTrue(browser.shows("Your password was changed."), browser.describe());
            assertTrue(browser.shows("No trusted devices."));
            laptop.open("/profile.xhtml");
            assertEquals("/signin.xhtml", laptop.path());
            // The laptop is no longer trusted: a code is asked again.
            laptop.fillIn("Email", email).fillIn("Password", "a brand new long passphrase").press("Sign in");
            assertEquals("/signin-code.xhtml", laptop.path());
        }
    }

    @Test
    void a_half_signed_in_session_reaches_no_settings() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("half", number);
        browser.press("Sign out");
        // The attacker has the password only.
        signIn(email, PASSWORD);
        browser.post("/profile.xhtml", List.of(
                new NameValuePair("security", "security"),
                new NameValuePair("security:password", PASSWORD),
                new NameValuePair("security:turn-off", "Turn off 2FA")));
        assertEquals("/signin-code.xhtml", browser.path());
        assertFalse(browser.text().contains("disabled"));
    }

    /** Another browser of the owner's, signed in with a code and trusted. */
    private Browser browserSignedInWithTrust(String email, String number) {
        Browser laptop = new Browser(baseUrl());
        laptop.open("/signin.xhtml").fillIn("Email", email).fillIn("Password", PASSWORD).press("Sign in");
        laptop.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).check("Trust this device").press("Verify");
        assertEquals("/", laptop.path(), laptop.text());
        return laptop;
    }
}

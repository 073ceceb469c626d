package com.videoapi.portal.it.twofactor;

import com.videoapi.portal.it.support.PortalTest;
import org.htmlunit.util.Cookie;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing in with 2FA on: the password, then a code, unless the browser is a trusted device. */
class SignInWithCodeIT extends PortalTest {

    @Test
    void the_password_alone_gets_nobody_in_and_the_code_does() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("sam", number);
        browser.press("Sign out");
        // 1. The right password leads to the code page, with the masked number; a code was sent.
        long sent = codesSentTo(number);
        signIn(email, PASSWORD);
        assertEquals("/signin-code.xhtml", browser.path());
        assertTrue(browser.shows(masked(number)));
        assertEquals(sent + 1, codesSentTo(number));
        String sessionAfterPassword = browser.sessionId();
        // 2. Half-way, every page of the account sends the person back to the code page.
        for (String page : List.of("/", "/home.xhtml", "/profile.xhtml")) {
            browser.open(page);
            assertEquals("/signin-code.xhtml", browser.path(), page);
        }
        // 3. The right code signs in, under a new session id.
        browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Verify");
        assertEquals("/", browser.path());
        assertEquals("sam's account", browser.heading());
        assertNotEquals(sessionAfterPassword, browser.sessionId());
    }

    @Test
    void a_wrong_code_keeps_the_person_out_and_says_so() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("tia", number);
        browser.press("Sign out");
        signIn(email, PASSWORD);
        browser.fillIn("Verification code", wrongCode(verifyApi.lastCodeSentTo(number))).press("Verify");
        assertEquals("/signin-code.xhtml", browser.path());
        assertTrue(browser.shows("That code is not right."));
        browser.open("/profile.xhtml");
        assertEquals("/signin-code.xhtml", browser.path());
    }

    @Test
    void a_new_code_replaces_the_old_one() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("uma", number);
        browser.press("Sign out");
        signIn(email, PASSWORD);
        String first = verifyApi.lastCodeSentTo(number);
        waitOutResendCooldown();
        browser.press("Send a new code");
        assertTrue(browser.shows("We sent a new code to " + masked(number)));
        String second = verifyApi.lastCodeSentTo(number);
        if (!first.equals(second)) {
            // The session now waits for the new code only: the old one is just a wrong code.
            browser.fillIn("Verification code", first).press("Verify");
            assertTrue(browser.shows("That code is not right."), "the replaced code is void: " + browser.text());
        }
        browser.fillIn("Verification code", second).press("Verify");
        assertEquals("/", browser.path());
    }

    @Test
    void the_code_page_is_nothing_without_the_password_step() {
        browser.open("/signin-code.xhtml");
        assertEquals("/signin.xhtml", browser.path());
    }

    @Test
    void a_trusted_device_needs_only_the_password_next_time() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("val", number);
        browser.press("Sign out");
        // 1. Password, code, and "Trust this device".
        signInWithCode(email, number, true);
        assertEquals("/", browser.path());
        Cookie trust = browser.cookie(TRUSTED_DEVICE_COOKIE);
        assertNotNull(trust);
        assertTrue(trust.isHttpOnly());
        assertEquals("/", trust.getPath());
        assertEquals("lax", String.valueOf(trust.getSameSite()).toLowerCase());
        assertTrue(trust.getValue().length() >= 22, "at least 128 bits");
        // 2. Security Settings lists it as this device.
        browser.open("/profile.xhtml");
        assertTrue(browser.shows("(this device)"));
        // 3. Sign out and in: the password alone is enough, and no code is sent.
        browser.press("Sign out");
        long sent = codesSentTo(number);
        signIn(email, PASSWORD);
        assertEquals("/", browser.path());
        assertEquals(sent, codesSentTo(number));
    }

    @Test
    void another_users_trusted_device_token_is_ignored_and_removed() {
        String wesNumber = uniqueUkMobile();
        String wes = personWithTwoFactor("wes", wesNumber);
        browser.press("Sign out");
        signInWithCode(wes, wesNumber, true);
        Cookie wesToken = browser.cookie(TRUSTED_DEVICE_COOKIE);
        browser.press("Sign out");
        // Xia signs in on a browser that carries Wes's token.
        browser.cookies().clearCookies();
        String xiaNumber = uniqueUkMobile();
        String xia = personWithTwoFactor("xia", xiaNumber);
        browser.press("Sign out");
        browser.cookies().addCookie(wesToken);
        signIn(xia, PASSWORD);
        assertEquals("/signin-code.xhtml", browser.path(), "Wes's token does not stand in for Xia's code");
        assertNull(browser.cookie(TRUSTED_DEVICE_COOKIE), "the worthless cookie is removed");
    }

    @Test
    void a_revoked_device_needs_the_code_again() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("yan", number);
        browser.press("Sign out");
        signInWithCode(email, number, true);
        // Revoke it from Security Settings.
        browser.open("/profile.xhtml").press("Revoke");
        assertTrue(browser.shows("The device was revoked"));
        assertTrue(browser.shows("No trusted devices."));
        browser.press("Sign out");
        signIn(email, PASSWORD);
        assertEquals("/signin-code.xhtml", browser.path());
        assertNull(browser.cookie(TRUSTED_DEVICE_COOKIE));
    }

    @Test
    void when_verify_is_down_at_sign_in_the_person_is_told_and_stays_out() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("zoe", number);
        browser.press("Sign out");
        verifyApi.failNextWith(503);
        signIn(email, PASSWORD);
        assertEquals("/signin-code.xhtml", browser.path());
        assertTrue(browser.shows("We could not send or check the code just now"));
        browser.open("/home.xhtml");
        assertEquals("/signin-code.xhtml", browser.path());
        // Once Verify is back, a new code gets the person in (no cooldown: nothing was sent).
        browser.press("Send a new code");
        browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Verify");
        assertEquals("/", browser.path());
    }
}

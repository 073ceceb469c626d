package com.videoapi.portal.it.twofactor;

import com.videoapi.portal.it.support.AuthenticatorApp;
import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.ServerJmx;
import com.videoapi.portal.security.administration.boundary.TwoFactorAdministrationMXBean;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authenticator app (issue 11): added with a QR code and one code, chosen as the method a
 * sign-in opens on, each code accepted once, guesses locked, removed, and gone with 2FA.
 */
class AuthenticatorAppIT extends PortalTest {

    @Test
    void added_with_one_code_then_sign_in_opens_on_the_app_and_sends_no_text() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("apa", number);
        AuthenticatorApp app = addApp();
        assertTrue(browser.shows("Authenticator app added"), "audited");
        // 1. The app is the default method from now on.
        ((HtmlRadioButtonInput) browser.field("Authenticator app")).setChecked(true);
        browser.press("Save");
        assertTrue(browser.shows("Your sign-in methods were saved."), browser.describe());
        browser.press("Sign out");
        // 2. Sign-in opens on the app; no text message goes out.
        long sent = codesSentTo(number);
        advanceServerClock(Duration.ofSeconds(31)); // the step of the code that added it is spent
        signIn(email, PASSWORD);
        assertEquals("/signin-app.xhtml", browser.path(), browser.describe());
        assertEquals(sent, codesSentTo(number));
        browser.fillIn("Authenticator code", app.codeNow()).press("Verify");
        assertEquals("/", browser.path(), browser.describe());
        // 3. Last used is shown with the method.
        browser.open("/profile.xhtml");
        DomElement row = browser.html().getElementById("method-app");
        assertNotNull(row, browser.describe());
        assertFalse(row.asNormalizedText().contains("—"), row.asNormalizedText());
    }

    @Test
    void a_code_is_never_accepted_twice() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("apb", number);
        AuthenticatorApp app = addApp();
        browser.press("Sign out");
        advanceServerClock(Duration.ofSeconds(31));
        String code = app.codeNow();
        // 1. From the texted code's page, "Use your authenticator app": the code signs in.
        signIn(email, PASSWORD);
        browser.press("Use your authenticator app").fillIn("Authenticator code", code).press("Verify");
        assertEquals("/", browser.path(), browser.describe());
        browser.press("Sign out");
        // 2. The same code again, within its 30 seconds: refused.
        browser.cookies().clearCookies();
        signIn(email, PASSWORD);
        browser.press("Use your authenticator app").fillIn("Authenticator code", code).press("Verify");
        assertEquals("/signin-app.xhtml", browser.path());
        assertTrue(browser.shows("That code is not right."), browser.describe());
        // 3. So is an older one; the next step's code is accepted (one step either side).
        browser.fillIn("Authenticator code", app.codeSteps(-1)).press("Verify");
        assertEquals("/signin-app.xhtml", browser.path());
        browser.fillIn("Authenticator code", app.codeSteps(1)).press("Verify");
        assertEquals("/", browser.path(), browser.describe());
    }

    @Test
    void ten_wrong_app_codes_lock_the_code_step_even_for_the_right_one() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("apc", number);
        AuthenticatorApp app = addApp();
        browser.press("Sign out");
        signIn(email, PASSWORD);
        browser.press("Use your authenticator app");
        String right = app.codeSteps(1);
        for (int i = 0; i < 10; i++) {
            browser.fillIn("Authenticator code", wrongCode(right)).press("Verify");
            assertEquals("/signin-app.xhtml", browser.path());
        }
        browser.fillIn("Authenticator code", right).press("Verify");
        assertEquals("/signin-app.xhtml", browser.path(), "locked: the right code is refused too");
        advanceServerClock(Duration.ofMinutes(16));
        browser.fillIn("Authenticator code", app.codeNow()).press("Verify");
        assertEquals("/", browser.path(), browser.describe());
    }

    @Test
    void a_wrong_first_code_adds_nothing_and_remove_takes_it_away() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("apd", number);
        browser.open("/profile.xhtml").press("Add an authenticator app");
        AuthenticatorApp app = AuthenticatorApp.withKey(browser.html().getElementById("authenticator-secret").asNormalizedText());
        browser.fillIn("Code from the app", wrongCode(app.codeNow())).press("Confirm");
        assertTrue(browser.shows("That code is not right."), browser.describe());
        assertTrue(browser.html().getElementById("method-app") == null, "not added");
        browser.fillIn("Code from the app", app.codeNow()).press("Confirm");
        assertTrue(browser.shows("Your authenticator app was added."), browser.describe());
        // Remove (the proof from switching 2FA on is still fresh).
        browser.pressNamed("Remove authenticator app");
        assertTrue(browser.shows("Your authenticator app was removed."), browser.describe());
        assertTrue(browser.shows("Authenticator app removed"), "audited");
        browser.press("Sign out");
        signIn(email, PASSWORD);
        assertEquals("/signin-code.xhtml", browser.path());
        assertFalse(browser.shows("Use your authenticator app"));
    }

    @Test
    void switching_two_factor_off_removes_the_app() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("ape", number);
        addApp();
        browser.press("Sign out");
        signInWithCode(email, number, true);
        browser.open("/profile.xhtml").uncheck("Use 2FA").fillIn("Password", PASSWORD).press("Turn off 2FA");
        assertTrue(browser.shows("Two-factor authentication is disabled."), browser.describe());
        waitOutResendCooldown();
        enableTwoFactor(number, number);
        assertTrue(browser.html().getElementById("method-app") == null, "the app went with 2FA");
        assertTrue(browser.shows("Add an authenticator app"));
    }

    @Test
    void an_operators_reset_removes_the_app_and_the_recovery_codes() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("apf", number);
        addApp();
        browser.press("Sign out");
        ServerJmx.mxBean(TwoFactorAdministrationMXBean.OBJECT_NAME, TwoFactorAdministrationMXBean.class).resetTwoFactor(email);
        signIn(email, PASSWORD);
        assertEquals("/", browser.path(), "the password alone");
        String events = browser.open("/profile.xhtml").html().getElementById("recent-events").asNormalizedText();
        assertTrue(events.contains("Authenticator app removed"), events);
        // On again: no app, and a first set of recovery codes (none was kept).
        waitOutResendCooldown();
        enableTwoFactor(number, number);
        assertTrue(browser.html().getElementById("method-app") == null, "the app went with the reset");
        assertTrue(browser.shows("Your recovery codes"), browser.describe());
    }

    /** On Security Settings just after 2FA was switched on: adds an app with the key shown. */
    private AuthenticatorApp addApp() {
        browser.check("I have saved these codes").press("Continue");
        browser.press("Add an authenticator app");
        assertNotNull(browser.html().getFirstByXPath("//*[local-name()='svg']"), "a QR code drawn on the page");
        AuthenticatorApp app = AuthenticatorApp.withKey(browser.html().getElementById("authenticator-secret").asNormalizedText());
        assertTrue(app.keyBits() >= 160, "a 160-bit secret");
        browser.fillIn("Code from the app", app.codeNow()).press("Confirm");
        assertTrue(browser.shows("Your authenticator app was added."), browser.describe());
        return app;
    }
}

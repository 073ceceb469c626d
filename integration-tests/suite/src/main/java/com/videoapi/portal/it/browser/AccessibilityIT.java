package com.videoapi.portal.it.browser;

import com.videoapi.portal.it.support.AuthenticatorApp;
import com.videoapi.portal.it.support.ChromiumTest;
import com.videoapi.portal.it.support.Mailbox;
import com.videoapi.portal.it.support.MailsAbout;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page of the portal, in every state a person meets it, passes axe-core's WCAG 2.2 AA rules
 * ({@link #assertAccessible}) in Chromium. A new page, or a new state of a page, adds one
 * {@code assertAccessible("what the person sees")} where a test here (or any browser test) reaches it.
 * Errors are announced: the browser's focus moves to the message (js/announce.js).
 */
class AccessibilityIT extends ChromiumTest {

    @Test
    void signing_up_and_signing_in_with_a_code() {
        String email = uniqueEmail("ada");
        String number = uniqueUkMobile();

        open("/signin.xhtml");
        assertAccessible("sign-in");
        click("Sign in");
        assertAccessible("sign-in, nothing typed");
        type("Email", email);
        type("Password", "not the password at all");
        click("Sign in");
        assertTrue(page().contains("The email address or password is incorrect."), page());
        assertAccessible("sign-in, refused");

        follow(chromium.findElement(By.linkText("Create account")));
        assertAccessible("create account");
        click("Create account");
        assertAccessible("create account, nothing typed");
        // The browser checks an address's form itself (type=email); the server the rest.
        type("Account name", "Ada's Videos");
        type("Email", email);
        type("Password", "short");
        click("Create account");
        assertAccessible("create account, a short password");
        type("Password", PASSWORD);
        click("Create account");
        assertEquals("Check your inbox to finish", chromium.findElement(By.tagName("h1")).getText());
        assertAccessible("check your inbox");
        signInAfterSignUp(email);
        assertEquals("Ada's Videos", chromium.findElement(By.tagName("h1")).getText());
        assertAccessible("home");
        open("/no-such-page.xhtml");
        assertTrue(page().contains("There is no page at this address."), page());
        assertAccessible("404");
        open("/");

        follow(chromium.findElement(By.linkText("Profile")));
        assertAccessible("Security Settings, 2FA off");
        field("Use 2FA").click();
        assertAccessible("Security Settings, Use 2FA ticked");
        click("Submit");
        assertAccessible("Security Settings, no number typed");
        type("Phone number", number);
        click("Submit");
        assertAccessible("Security Settings, enrolment code sent");
        type("Verification code", wrongCode(verifyApi.lastCodeSentTo(number)));
        click("Confirm");
        assertTrue(page().contains("That code is not right."), page());
        assertAccessible("Security Settings, wrong enrolment code");
        type("Verification code", verifyApi.lastCodeSentTo(number));
        click("Confirm");
        assertTrue(page().contains("Two-factor authentication is enabled."), page());
        assertAccessible("Security Settings, 2FA on");

        click("Sign out");
        assertAccessible("sign-in, signed out");
        type("Email", email);
        type("Password", PASSWORD);
        click("Sign in");
        pageWait().until(ExpectedConditions.urlContains("/signin-code.xhtml"));
        assertTrue(chromium.findElement(By.cssSelector(".countdown")).isDisplayed(), "the resend countdown runs");
        assertAccessible("code page, countdown to a new code");
        type("Verification code", wrongCode(verifyApi.lastCodeSentTo(number)));
        click("Verify");
        assertTrue(page().contains("That code is not right."), page());
        assertAccessible("code page, wrong code");
        follow(chromium.findElement(By.linkText("Use a recovery code")));
        assertAccessible("recovery code page");
        open("/signin-code.xhtml");
        // Pasted from the text message, as a phone copies it: with a no-break space between the groups.
        String code = verifyApi.lastCodeSentTo(number);
        paste("Verification code", code.substring(0, 3) + "\u00a0" + code.substring(3));
        field("Trust this device").click();
        click("Verify");
        assertEquals("Ada's Videos", chromium.findElement(By.tagName("h1")).getText());
        assertAccessible("home, signed in with a code");

        follow(chromium.findElement(By.linkText("Profile")));
        assertTrue(page().contains("(this device)"), page());
        assertAccessible("Security Settings, 2FA on, a trusted device");
        field("Use 2FA").click();
        assertAccessible("Security Settings, turning 2FA off");

        // A revocation long after the sign-in asks for the password first.
        advanceServerClock(Duration.ofMinutes(6));
        open("/profile.xhtml");
        click("Revoke");
        assertTrue(page().contains("Confirm it's you"), page());
        assertAccessible("Security Settings, confirm it's you");
    }

    /**
     * Issue 11's ways in, each page in each state: the recovery codes shown once, adding an app and a
     * passkey, the sign-in pages of the passkey (and its failure), the app and a recovery code, the code
     * page calling; the address verified by its link; a reset link's second factor (code, call, new
     * password); "This wasn't me" and its answer. Code fields are for one-time codes and digits; the
     * recovery-code fields are not numeric. A sign-in half-way (between password and code) can be
     * extended too (js/session-time.js).
     */
    @Test
    void every_way_in_and_every_mailed_link_in_each_state() {
        String email = uniqueEmail("eve");
        String number = uniqueUkMobile();
        VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) chromium).addVirtualAuthenticator(
                new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL).setHasResidentKey(true)
                        .setHasUserVerification(true).setIsUserVerified(true));
        open("/create-account.xhtml");
        type("Account name", "Eve's Videos");
        type("Email", email);
        type("Password", PASSWORD);
        click("Create account");

        // 1. The address verified by the mailed link.
        chromium.get(Mailbox.newest(email).tokenLink());
        assertAccessible("address verified by its link");
        signInAfterSignUp(email);

        // 2. 2FA on: the recovery codes, shown once; an app; a passkey.
        open("/profile.xhtml");
        field("Use 2FA").click();
        type("Phone number", number);
        click("Submit");
        assertCodeField(field("Verification code"));
        type("Verification code", verifyApi.lastCodeSentTo(number));
        click("Confirm");
        assertTrue(page().contains("Two-factor authentication is enabled."), page());
        List<String> codes = chromium.findElements(By.cssSelector("#recovery-codes code")).stream().map(WebElement::getText).toList();
        assertEquals(10, codes.size(), page());
        assertAccessible("Security Settings, the recovery codes shown once");
        field("I have saved these codes").click();
        click("Continue");
        click("Add an authenticator app");
        assertAccessible("Security Settings, adding an authenticator app");
        AuthenticatorApp app = AuthenticatorApp.withKey(chromium.findElement(By.id("authenticator-secret")).getText());
        assertCodeField(field("Code from the app"));
        type("Code from the app", app.codeNow());
        click("Confirm");
        assertTrue(page().contains("Your authenticator app was added."), page());
        type("Name of the new passkey", "Laptop");
        click("Add a passkey or security key");
        assertTrue(page().contains("The passkey was added."), page());
        assertAccessible("Security Settings, an app and a passkey added");

        // 3. Signing in: the passkey first; a half-way sign-in warns before it ends, with "Extend session".
        click("Sign out");
        signInAfterSignUp(email);
        pageWait().until(ExpectedConditions.urlContains("/signin-passkey.xhtml"));
        assertAccessible("passkey sign-in");
        WebElement warning = chromium.findElement(By.id("session-warning"));
        assertTrue(Integer.parseInt(warning.getAttribute("data-idle-seconds")) > 0, warning.getAttribute("outerHTML"));
        assertEquals(1, chromium.findElements(By.id("extend-session")).size(), "the half-way sign-in can be extended");
        authenticator.removeAllCredentials();
        button("Use your passkey").click();
        WebElement failure = chromium.findElement(By.cssSelector("[data-passkey-failure]"));
        pageWait().until(ExpectedConditions.visibilityOf(failure));
        assertAccessible("passkey sign-in, no passkey used");

        open("/signin-app.xhtml");
        assertCodeField(field("Authenticator code"));
        assertAccessible("app sign-in");
        type("Authenticator code", "12345");
        click("Verify");
        assertAccessible("app sign-in, a wrong code");

        open("/signin-recovery.xhtml");
        WebElement recoveryField = field("Recovery code");
        assertFalse("numeric".equals(recoveryField.getAttribute("inputmode")), "recovery codes have letters");
        assertAccessible("recovery code sign-in");
        type("Recovery code", "aaaa-bbbb-cccc");
        click("Verify");
        assertAccessible("recovery code sign-in, a wrong code");
        type("Recovery code", codes.get(0));
        click("Verify");
        assertTrue(page().contains("Recovery codes left: 9."), page());
        assertAccessible("home, signed in with a recovery code");

        // 4. The code page calling instead of texting.
        click("Sign out");
        signInAfterSignUp(email);
        pageWait().until(ExpectedConditions.urlContains("/signin-passkey.xhtml"));
        click("Send a code by text message instead");
        waitOutResendCooldown();
        click("Call me instead");
        assertTrue(page().contains("We're calling " + masked(number)), page());
        assertAccessible("code page, calling");
        type("Verification code", verifyApi.lastCodeSentTo(number));
        click("Verify");
        assertEquals("Eve's Videos", chromium.findElement(By.tagName("h1")).getText());
        click("Sign out");

        // 5. "Forgot password?" with 2FA on: the second factor first, by code, then by call; the new password.
        open("/forgot-password.xhtml");
        type("Email", email);
        click("Send the link");
        chromium.get(MailsAbout.newest(email, MailsAbout.RESET_LINK, 1).tokenLink());
        assertAccessible("reset link, the second factor first");
        click("Continue");
        assertCodeField(field("Verification code"));
        assertFalse("numeric".equals(field("Recovery code").getAttribute("inputmode")), "recovery codes have letters");
        assertAccessible("reset link, code sent");
        type("Verification code", wrongCode(verifyApi.lastCodeSentTo(number)));
        click("Verify");
        assertTrue(page().contains("That code is not right."), page());
        assertAccessible("reset link, a wrong code");
        waitOutResendCooldown();
        click("Call me instead");
        assertTrue(page().contains("We're calling " + masked(number)), page());
        assertAccessible("reset link, calling");
        type("Verification code", verifyApi.lastCodeSentTo(number));
        click("Verify");
        assertAccessible("reset link, new password");
        type("New password", "short");
        click("Set new password");
        assertAccessible("reset link, a short password");
        type("New password", "an accessible new passphrase");
        click("Set new password");
        assertTrue(page().contains("Your password was changed."), page());
        assertAccessible("reset link, password changed");

        // 6. "This wasn't me" from the notice of the reset, and its answer.
        chromium.manage().deleteAllCookies();
        chromium.get(MailsAbout.newest(email, MailsAbout.NOTICE + "The password was reset", 1).tokenLink());
        assertAccessible("this wasn't me");
        click("Secure my account");
        assertTrue(page().contains("Your account is secured"), page());
        assertAccessible("account secured");
    }

    /** A field for a one-time code: offered the code from a text message, a keypad of digits. */
    private static void assertCodeField(WebElement field) {
        assertEquals("one-time-code", field.getAttribute("autocomplete"), field.getAttribute("outerHTML"));
        assertEquals("numeric", field.getAttribute("inputmode"), field.getAttribute("outerHTML"));
    }

    @Test
    void the_pages_outside_the_account() {
        open("/expired.xhtml");
        assertAccessible("page expired");
        open("/error.xhtml");
        assertAccessible("error");
    }

    /** The pages that mailed links open, each as a link that is not valid shows it, and "Forgot password?". */
    @Test
    void forgot_password_and_the_pages_of_mailed_links() {
        open("/signin.xhtml");
        follow(chromium.findElement(By.linkText("Forgot password?")));
        assertAccessible("forgot password");
        type("Email", uniqueEmail("nobody"));
        click("Send the link");
        assertTrue(page().contains("If an account uses this address, we sent a link"), page());
        assertAccessible("forgot password, link sent");
        for (String page : new String[] {"/reset-password.xhtml", "/verify-email.xhtml", "/secure-account.xhtml"}) {
            open(page + "?token=not-a-token-we-sent");
            assertAccessible(page + ", a link that is not valid");
        }
    }

    @Test
    void the_german_pages() {
        restartIn("de-DE");
        String email = uniqueEmail("grete");
        String number = uniqueUkMobile();
        open("/signin.xhtml");
        assertEquals("Anmelden", chromium.findElement(By.tagName("h1")).getText());
        assertEquals("de", chromium.findElement(By.tagName("html")).getAttribute("lang"));
        assertAccessible("German sign-in");
        follow(chromium.findElement(By.id("create-account-link")));
        follow(chromium.findElement(By.id("create-account:create")));
        assertAccessible("German create account, nothing typed");
        chromium.findElement(By.id("create-account:accountName")).sendKeys("Gretes Videos");
        chromium.findElement(By.id("create-account:email")).sendKeys(email);
        chromium.findElement(By.id("create-account:password")).sendKeys(PASSWORD);
        follow(chromium.findElement(By.id("create-account:create")));
        assertAccessible("German check your inbox");
        signInAfterSignUp(email);
        assertAccessible("German home");
        open("/no-such-page.xhtml");
        assertAccessible("German 404");
        open("/");
        follow(chromium.findElement(By.id("profile-link")));
        chromium.findElement(By.id("security:use-2fa")).click();
        chromium.findElement(By.id("security:phone")).sendKeys(number);
        follow(chromium.findElement(By.id("security:submit-number")));
        assertAccessible("German Security Settings, enrolment code sent");
        chromium.findElement(By.id("security:code")).sendKeys(verifyApi.lastCodeSentTo(number));
        follow(chromium.findElement(By.id("security:confirm")));
        assertAccessible("German Security Settings, 2FA on");
        follow(chromium.findElement(By.id("sign-out:sign-out-button")));
        chromium.findElement(By.id("signin:email")).sendKeys(email);
        chromium.findElement(By.id("signin:password")).sendKeys(PASSWORD);
        follow(chromium.findElement(By.id("signin:sign-in")));
        pageWait().until(ExpectedConditions.urlContains("/signin-code.xhtml"));
        assertAccessible("German code page");
    }

    @Test
    void the_scan_finds_what_is_wrong() {
        open("/signin.xhtml");
        // A field without a label and words of too little contrast, put in the page by hand.
        ((JavascriptExecutor) chromium).executeScript("var main = document.querySelector('main');"
                + " main.appendChild(document.createElement('input'));"
                + " var faint = document.createElement('p'); faint.textContent = 'Faint words'; faint.style.color = '#ddd';"
                + " main.appendChild(faint);");
        AssertionError found = assertThrows(AssertionError.class, () -> assertAccessible("sign-in, spoiled on purpose"));
        assertTrue(found.getMessage().contains("- label ") && found.getMessage().contains("- color-contrast "), found.getMessage());
    }

    @Test
    void an_error_takes_the_focus_so_that_it_is_read_out() {
        open("/signin.xhtml");
        type("Email", uniqueEmail("nobody"));
        type("Password", "not the password at all");
        click("Sign in");
        WebElement focused = chromium.switchTo().activeElement();
        assertEquals("The email address or password is incorrect.", focused.getText(), focused.getAttribute("outerHTML"));

        // A field's own message: the field says it is invalid and is described by its message.
        open("/create-account.xhtml");
        type("Account name", "Someone");
        type("Email", uniqueEmail("someone"));
        type("Password", "short");
        click("Create account");
        WebElement password = field("Password");
        assertEquals("true", password.getAttribute("aria-invalid"));
        String describedBy = password.getAttribute("aria-describedby");
        assertTrue(describedBy != null && !describedBy.isBlank(), password.getAttribute("outerHTML"));
        WebElement message = chromium.findElement(By.id(describedBy.split(" ")[0]));
        assertTrue(message.getText().length() > 5, message.getAttribute("outerHTML"));
        assertEquals(message, chromium.switchTo().activeElement(), "the first message has the focus");
    }
}

package com.videoapi.portal.it.browser;

import com.videoapi.portal.it.support.AuthenticatorApp;
import com.videoapi.portal.it.support.ChromiumTest;
import com.videoapi.portal.it.support.Mailbox;
import com.videoapi.portal.it.support.MailsAbout;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The help page's procedure in a real browser (Debian's headless Chromium), fields found by their
 * labels as a person finds them: enable 2FA in six steps, sign in with a code and trust the device,
 * sign in with the password only, disable 2FA; "Forgot password?" and "This wasn't me" end to end, the
 * links read from the SMTP server (GreenMail, {@code Mailbox}); an authenticator app and a recovery code. When it fails, a screenshot of every step so far is
 * kept under target/failsafe-reports/chromium/.
 */
class TwoFactorInChromiumIT extends ChromiumTest {

    @Test
    void enable_2fa_then_sign_in_with_a_code_then_from_a_trusted_device_then_disable() {
        String email = uniqueEmail("eli");
        String number = uniqueUkMobile();
        String national = "0" + number.substring(3, 7) + " " + number.substring(7);

        // 1. Sign in to the account (a new one, for this test).
        open("/create-account.xhtml");
        type("Account name", "Eli's Videos");
        type("Email", email);
        type("Password", PASSWORD);
        click("Create account");
        step("check-inbox");
        assertEquals("Check your inbox to finish", chromium.findElement(By.tagName("h1")).getText());
        // The password signs in before the link in the mail is followed.
        open("/signin.xhtml");
        type("Email", email);
        type("Password", PASSWORD);
        click("Sign in");
        step("signed-in");
        assertEquals("Eli's Videos", chromium.findElement(By.tagName("h1")).getText());

        // 2. Open the profile settings from the upper-right corner.
        follow(chromium.findElement(By.linkText("Profile")));
        step("profile");

        // 3. Security Settings: switch on Use 2FA, which reveals the phone number and Submit.
        WebElement phone = field("Phone number");
        assertFalse(phone.isDisplayed(), "hidden until Use 2FA is switched on");
        field("Use 2FA").click();
        assertTrue(phone.isDisplayed());
        step("use-2fa");

        // 4. A phone number (national format: the country comes from the browser's locale); Submit.
        // The select's value in one call: Select.getFirstSelectedOption() asks each of the ~240 options in turn.
        assertEquals("GB", field("Country").getDomProperty("value"));
        type("Phone number", national);
        click("Submit");
        step("code-sent");
        assertTrue(page().contains("We sent a 6-digit code to " + masked(number)), page());

        // 5. The temporary 6-digit code sent to the phone.
        type("Verification code", verifyApi.lastCodeSentTo(number));
        click("Confirm");
        step("enabled");

        // 6. The confirmation.
        assertTrue(page().contains("Two-factor authentication is enabled."), page());

        // Sign out; sign in with the password and the code, trusting this device.
        click("Sign out");
        signInWithPassword(email);
        pageWait().until(ExpectedConditions.urlContains("/signin-code.xhtml"));
        step("code-page");
        type("Verification code", verifyApi.lastCodeSentTo(number));
        field("Trust this device").click();
        click("Verify");
        step("signed-in-with-code");
        assertEquals("Eli's Videos", chromium.findElement(By.tagName("h1")).getText());

        // Sign out; from this trusted browser the password alone is enough.
        click("Sign out");
        step("signed-out");
        long sent = codesSentTo(number);
        signInWithPassword(email);
        step("signed-in-trusted");
        assertEquals("Eli's Videos", chromium.findElement(By.tagName("h1")).getText());
        assertEquals(sent, codesSentTo(number), "no code was sent");

        // Disable 2FA: untick Use 2FA, confirm the password (a trusted device needs no code).
        follow(chromium.findElement(By.linkText("Profile")));
        assertTrue(page().contains("(this device)"));
        field("Use 2FA").click();
        type("Password", PASSWORD);
        click("Turn off 2FA");
        step("disabled");
        assertTrue(page().contains("Two-factor authentication is disabled."), page());
        assertFalse(field("Use 2FA").isSelected());
    }

    @Test
    void forgot_password_end_to_end_with_the_link_from_the_mail() {
        String email = uniqueEmail("ora");
        String number = uniqueUkMobile();
        createAccountAndSignIn("Ora's Videos", email);
        open("/profile.xhtml");
        field("Use 2FA").click();
        type("Phone number", "0" + number.substring(3, 7) + " " + number.substring(7));
        click("Submit");
        type("Verification code", verifyApi.lastCodeSentTo(number));
        click("Confirm");
        click("Sign out");

        // 1. "Forgot password?" on the sign-in page; the address; always the same answer.
        follow(chromium.findElement(By.linkText("Forgot password?")));
        step("forgot-password");
        type("Email", email);
        click("Send the link");
        step("link-sent");
        assertTrue(page().contains("If an account uses this address, we sent a link"), page());

        // 2. The link from the mail; 2FA is on, so the code comes first.
        chromium.get(MailsAbout.newest(email, MailsAbout.RESET_LINK, 1).tokenLink());
        step("reset-link");
        click("Continue");
        type("Verification code", verifyApi.lastCodeSentTo(number));
        click("Verify");
        step("code-given");
        type("New password", "my new chromium passphrase");
        click("Set new password");
        step("password-reset");
        assertTrue(page().contains("Your password was changed."), page());

        // 3. Sign in with the new password (and the code).
        follow(chromium.findElement(By.linkText("Sign in")));
        type("Email", email);
        type("Password", "my new chromium passphrase");
        click("Sign in");
        pageWait().until(ExpectedConditions.urlContains("/signin-code.xhtml"));
        type("Verification code", verifyApi.lastCodeSentTo(number));
        click("Verify");
        step("signed-in");
        assertEquals("Ora's Videos", chromium.findElement(By.tagName("h1")).getText());
    }

    @Test
    void this_wasnt_me_from_the_notice_mail() {
        String email = uniqueEmail("pia");
        createAccountAndSignIn("Pia's Videos", email);
        open("/profile.xhtml");
        type("Current password", PASSWORD);
        type("New password", "somebody else's passphrase");
        click("Change password");
        step("password-changed");

        // 1. The notice of the change; its "This wasn't me" link, followed in the browser.
        Mailbox.Mail notice = MailsAbout.newest(email, MailsAbout.NOTICE + "The password was changed", 1);
        chromium.manage().deleteAllCookies();
        chromium.get(notice.tokenLink());
        step("this-wasnt-me");
        assertTrue(page().contains("This wasn't me"), page());
        click("Secure my account");
        step("secured");
        assertTrue(page().contains("Your account is secured"), page());
        assertTrue(page().contains("What to do next"), page());

        // 2. The password no longer signs in: the sign-in page points to "Forgot password?".
        open("/signin.xhtml");
        type("Email", email);
        type("Password", "somebody else's passphrase");
        click("Sign in");
        step("refused");
        assertTrue(page().contains("Choose a new one with \"Forgot password?\" first"), page());
    }


    /**
     * Issue 11: the recovery codes shown when 2FA goes on, an authenticator app added with the key
     * the page shows (the code computed from it, as an app would), a sign-in with the app, and one
     * with a recovery code.
     */
    @Test
    void add_an_authenticator_app_sign_in_with_it_then_with_a_recovery_code() {
        String email = uniqueEmail("ivo");
        String number = uniqueUkMobile();
        open("/create-account.xhtml");
        type("Account name", "Ivo's Videos");
        type("Email", email);
        type("Password", PASSWORD);
        click("Create account");
        open("/signin.xhtml");
        signInWithPassword(email);
        open("/profile.xhtml");
        field("Use 2FA").click();
        type("Phone number", "0" + number.substring(3, 7) + " " + number.substring(7));
        click("Submit");
        type("Verification code", verifyApi.lastCodeSentTo(number));
        click("Confirm");
        step("codes-shown");
        // 1. Enabled at once, with ten recovery codes below; Copy and Print are there (recovery-codes.js).
        assertTrue(page().contains("Two-factor authentication is enabled."), page());
        List<String> codes = chromium.findElements(By.cssSelector("#recovery-codes code")).stream().map(WebElement::getText).toList();
        assertEquals(10, codes.size(), page());
        assertTrue(chromium.findElement(By.id("copy-recovery-codes")).isDisplayed());
        assertTrue(chromium.findElement(By.id("print-recovery-codes")).isDisplayed());
        field("I have saved these codes").click();
        click("Continue");
        // 2. Add an authenticator app: a QR code, and the key to type by hand, from which the code is computed.
        click("Add an authenticator app");
        step("adding-app");
        assertTrue(chromium.findElement(By.cssSelector("svg.qr-code")).isDisplayed());
        AuthenticatorApp app = AuthenticatorApp.withKey(chromium.findElement(By.id("authenticator-secret")).getText());
        type("Code from the app", app.codeNow());
        click("Confirm");
        step("app-added");
        assertTrue(page().contains("Your authenticator app was added."), page());
        // 3. Sign in with the app (its next step's code: the one that added it is spent).
        click("Sign out");
        signInWithPassword(email);
        pageWait().until(ExpectedConditions.urlContains("/signin-code.xhtml"));
        follow(chromium.findElement(By.linkText("Use your authenticator app")));
        type("Authenticator code", app.codeSteps(1));
        click("Verify");
        step("signed-in-with-app");
        assertEquals("Ivo's Videos", chromium.findElement(By.tagName("h1")).getText());
        // 4. Sign in with a recovery code: the page after says how many are left.
        click("Sign out");
        signInWithPassword(email);
        pageWait().until(ExpectedConditions.urlContains("/signin-code.xhtml"));
        follow(chromium.findElement(By.linkText("Use a recovery code")));
        type("Recovery code", codes.get(0));
        click("Verify");
        step("signed-in-with-recovery-code");
        assertTrue(page().contains("Recovery codes left: 9."), page());
    }

    private void createAccountAndSignIn(String accountName, String email) {
        open("/create-account.xhtml");
        type("Account name", accountName);
        type("Email", email);
        type("Password", PASSWORD);
        click("Create account");
        open("/signin.xhtml");
        signInWithPassword(email);
    }

    private void signInWithPassword(String email) {
        type("Email", email);
        type("Password", PASSWORD);
        click("Sign in");
    }

}

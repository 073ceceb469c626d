package com.videoapi.portal.it.passwordreset;

import com.videoapi.portal.it.support.Browser;
import com.videoapi.portal.it.support.Mailbox.Mail;
import com.videoapi.portal.it.support.MailsAbout;
import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.WildFlyOnly;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Forgot password?": the same answer for every address, a link by e-mail that works once, within 30
 * minutes, the newest only, and with 2FA on never without the second factor; the new password ends
 * every session and revokes every trusted device.
 */
class ForgotPasswordIT extends PortalTest {

    private static final String NEW_PASSWORD = "a freshly chosen long passphrase";
    private static final String SENT = "If an account uses this address, we sent a link";

    @Test
    void an_address_with_an_account_and_one_without_get_the_same_page_and_only_the_account_gets_a_link() {
        String email = uniqueEmail("fay");
        signUp("Fay's account", email);
        browser.press("Sign out");
        String nobody = uniqueEmail("nobody");

        // 1. From the sign-in page: "Forgot password?", the address, "Send the link".
        browser.open("/signin.xhtml").press("Forgot password?").fillIn("Email", email).press("Send the link");
        int statusForAccount = browser.status();
        String pageForAccount = browser.text();
        browser.open("/signin.xhtml").press("Forgot password?").fillIn("Email", nobody).press("Send the link");

        // 2. The same status and the very same words: the page tells nobody who has an account.
        assertEquals(statusForAccount, browser.status());
        assertEquals(pageForAccount, browser.text());
        assertTrue(browser.shows(SENT), browser.describe());

        // 3. One link to the account's address, none to the other.
        Mail link = MailsAbout.exactly(email, MailsAbout.RESET_LINK, 1).get(0);
        MailsAbout.exactly(nobody, MailsAbout.RESET_LINK, 0);
        assertFalse(link.text().contains(PASSWORD), "no password in the mail");

        // 4. The link works: without 2FA it asks for the new password at once.
        browser.open(link.tokenPath());
        assertTrue(browser.field("New password").isDisplayed(), browser.describe());
    }

    @Test
    void a_new_password_through_the_link_ends_every_session_revokes_every_device_and_sends_a_notice() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("gil", number);
        browser.press("Sign out");
        // 1. A trusted browser, signed in; another session elsewhere.
        signInWithCode(email, number, true);
        Browser trusted = browser;
        browser = new Browser(baseUrl());
        try {
            waitOutResendCooldown();
            signInWithCode(email, number, false);
            Browser elsewhere = browser;

            // 2. In a third browser, the person resets the password, giving the code first.
            browser = new Browser(baseUrl());
            resetPasswordWithCode(email, number, 1);
            assertTrue(browser.shows("Your password was changed."), browser.describe());
            browser.close();

            // 3. Both sessions are over.
            assertEquals("/signin.xhtml", trusted.open("/profile.xhtml").path());
            assertEquals("/signin.xhtml", elsewhere.open("/profile.xhtml").path());
            elsewhere.close();

            // 4. The trusted device is revoked: the new password on it asks for a code again.
            browser = trusted;
            signIn(email, PASSWORD);
            assertTrue(browser.shows("The email address or password is incorrect."), "the old password is gone");
            waitOutResendCooldown();
            long sent = codesSentTo(number);
            signIn(email, NEW_PASSWORD);
            assertEquals("/signin-code.xhtml", browser.path());
            assertEquals(sent + 1, codesSentTo(number));
        } finally {
            trusted.close();
        }

        // 5. A notice of the reset, with its "This wasn't me" link.
        Mail notice = MailsAbout.newest(email, MailsAbout.NOTICE + "The password was reset", 1);
        assertTrue(notice.text().contains("This wasn't me"), notice.text());
        assertTrue(notice.tokenPath().startsWith("/secure-account.xhtml?token="), notice.tokenPath());
    }

    @Test
    void with_2fa_on_the_link_asks_for_the_code_first_and_alone_never_sets_a_password() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("hal", number);
        browser.press("Sign out");
        browser.open("/forgot-password.xhtml").fillIn("Email", email).press("Send the link");
        Mail link = MailsAbout.newest(email, MailsAbout.RESET_LINK, 1);

        // 1. The link opens the second factor, not the password.
        browser.open(link.tokenPath());
        assertTrue(browser.shows("Confirm it's you before you choose a new password"), browser.describe());
        assertTrue(browser.html().getByXPath("//label[normalize-space(.)='New password']").isEmpty());

        // 2. A script posting a new password with the link alone changes nothing.
        browser.post("/reset-password.xhtml", List.of(
                new NameValuePair("reset", "reset"),
                new NameValuePair("reset:new-password", NEW_PASSWORD),
                new NameValuePair("reset:set-password", "Set new password"),
                new NameValuePair("jakarta.faces.ViewState", browser.viewState())));
        assertFalse(browser.shows("Your password was changed."), browser.describe());

        // 3. A wrong code is refused, and still no password field.
        browser.open(link.tokenPath()).press("Continue");
        assertTrue(browser.shows(masked(number)), browser.describe());
        browser.fillIn("Verification code", wrongCode(verifyApi.lastCodeSentTo(number))).press("Verify");
        assertTrue(browser.shows("That code is not right."), browser.describe());
        assertTrue(browser.html().getByXPath("//label[normalize-space(.)='New password']").isEmpty());

        // 4. The right code, then the new password.
        browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Verify");
        browser.fillIn("New password", NEW_PASSWORD).press("Set new password");
        assertTrue(browser.shows("Your password was changed."), browser.describe());

        // 5. The old password no longer signs in; the new one does (and asks for the code, 2FA is still on).
        signIn(email, PASSWORD);
        assertTrue(browser.shows("The email address or password is incorrect."));
        signIn(email, NEW_PASSWORD);
        assertEquals("/signin-code.xhtml", browser.path());
    }

    @Test
    void an_older_a_used_and_an_expired_link_are_refused_clearly() {
        String email = uniqueEmail("ida");
        signUp("Ida's account", email);
        browser.open("/forgot-password.xhtml").fillIn("Email", email).press("Send the link");
        String older = MailsAbout.newest(email, MailsAbout.RESET_LINK, 1).tokenPath();
        browser.open("/forgot-password.xhtml").fillIn("Email", email).press("Send the link");
        String newer = MailsAbout.newest(email, MailsAbout.RESET_LINK, 2).tokenPath();

        // 1. The newest link voids the older one.
        browser.open(older);
        assertTrue(browser.shows("A newer link was sent since, and only the newest one works."), browser.describe());
        assertTrue(browser.html().getByXPath("//label[normalize-space(.)='New password']").isEmpty());

        // 2. The newest works once.
        browser.open(newer).fillIn("New password", NEW_PASSWORD).press("Set new password");
        assertTrue(browser.shows("Your password was changed."), browser.describe());
        browser.open(newer);
        assertTrue(browser.shows("This link was used already"), browser.describe());

        // 3. A link 31 minutes old has expired.
        browser.open("/forgot-password.xhtml").fillIn("Email", email).press("Send the link");
        String late = MailsAbout.newest(email, MailsAbout.RESET_LINK, 3).tokenPath();
        advanceServerClock(Duration.ofMinutes(31));
        browser.open(late);
        assertTrue(browser.shows("This link has expired"), browser.describe());

        // 4. A made-up token is no link at all.
        browser.open("/reset-password.xhtml?token=" + "A".repeat(43));
        assertTrue(browser.shows("This link isn't valid."), browser.describe());
    }

    @Test
    @WildFlyOnly("two requests at once on Payara's embedded H2, as the other race tests")
    void of_two_requests_racing_with_one_link_exactly_one_sets_its_password() throws Exception {
        String email = uniqueEmail("jo");
        signUp("Jo's account", email);
        browser.open("/forgot-password.xhtml").fillIn("Email", email).press("Send the link");
        String link = MailsAbout.newest(email, MailsAbout.RESET_LINK, 1).tokenPath();

        // Two browsers open the link; both post a new password at the same moment.
        try (Browser other = new Browser(baseUrl())) {
            browser.open(link);
            other.open(link);
            List<HttpResponse<String>> answers = releasedAtOnce(List.of(
                    setPassword(browser, "first of two racing passphrases"),
                    setPassword(other, "second of two racing passphrases")));
            long changed = answers.stream().filter(a -> a.body().contains("Your password was changed.")).count();
            long refused = answers.stream().filter(a -> a.body().contains("This link was used already")).count();
            assertEquals(1, changed, "exactly one wins");
            assertEquals(1, refused, "the other is told the link was used");
        }
    }

    /** The new-password form of the reset page open in {@code in}, posted by hand. */
    private static HttpRequest setPassword(Browser in, String password) {
        return formPost(in, "/reset-password.xhtml", "reset", "reset", "reset:new-password", password,
                "reset:set-password", "Set new password");
    }

    /** "Forgot password?" for {@code email}, its {@code nth} link, the code to {@code number}, {@link #NEW_PASSWORD}. */
    private void resetPasswordWithCode(String email, String number, int nth) {
        browser.open("/forgot-password.xhtml").fillIn("Email", email).press("Send the link");
        browser.open(MailsAbout.newest(email, MailsAbout.RESET_LINK, nth).tokenPath()).press("Continue");
        browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Verify");
        browser.fillIn("New password", NEW_PASSWORD).press("Set new password");
    }
}

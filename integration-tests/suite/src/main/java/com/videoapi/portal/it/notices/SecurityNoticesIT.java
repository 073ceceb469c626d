package com.videoapi.portal.it.notices;

import com.videoapi.portal.it.support.Browser;
import com.videoapi.portal.it.support.Mailbox.Mail;
import com.videoapi.portal.it.support.MailsAbout;
import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.ServerLog;
import com.videoapi.portal.it.support.WildFlyOnly;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security notices: one mail per security change, to the account's address, saying what, when and
 * from where, with a "This wasn't me" link that secures the account in one step.
 */
class SecurityNoticesIT extends PortalTest {

    private static final String NEW_PASSWORD = "another long passphrase of mine";

    @Test
    void each_security_change_mails_one_notice_with_a_working_link() {
        String number = uniqueUkMobile();
        // 1. 2FA on; 2. a device trusted; 3. the password changed; 4. 2FA off (with a code: the device went with the password).
        String email = personWithTwoFactor("kim", number);
        browser.press("Sign out");
        signInWithCode(email, number, true);
        browser.open("/profile.xhtml").fillIn("Current password", PASSWORD).fillIn("New password", NEW_PASSWORD)
                .press("Change password");
        assertTrue(browser.shows("Your password was changed."), browser.describe());
        browser.open("/profile.xhtml").uncheck("Use 2FA").fillIn("Password", NEW_PASSWORD).press("Turn off 2FA");
        browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Confirm");
        assertTrue(browser.shows("Two-factor authentication is disabled."), browser.describe());

        // One notice each, in order, and no more.
        List<Mail> notices = MailsAbout.exactly(email, MailsAbout.NOTICE, 4);
        assertEquals(List.of(
                        MailsAbout.NOTICE + "Two-factor authentication was switched on.",
                        MailsAbout.NOTICE + "A device was trusted: it signs in without a code.",
                        MailsAbout.NOTICE + "The password was changed.",
                        MailsAbout.NOTICE + "Two-factor authentication was switched off."),
                notices.stream().map(Mail::subject).toList());
        for (Mail notice : notices) {
            // When (UTC) and from where, as Security Settings shows them; never the whole number.
            assertTrue(notice.text().contains(" UTC"), notice.text());
            assertTrue(notice.text().contains("IP address 127.0.0.1"), notice.text());
            assertFalse(notice.text().contains(number.substring(1)), "no whole phone number");
            assertTrue(notice.html().contains("This wasn't me") || notice.html().contains("This wasn&#39;t me"), notice.html());
            // Its link opens the page that secures the account (opening alone changes nothing).
            try (Browser stranger = new Browser(baseUrl())) {
                stranger.open(notice.tokenPath());
                assertEquals(200, stranger.status());
                assertTrue(stranger.shows("Secure my account"), stranger.text());
            }
        }
        browser.press("Sign out");
        signIn(email, NEW_PASSWORD);
        assertEquals("/", browser.path(), "opening the links secured nothing");
    }

    @Test
    void this_wasnt_me_after_2fa_was_switched_off_ends_every_session_revokes_devices_restores_2fa_and_forces_a_reset() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("lou", number);
        browser.press("Sign out");
        // 1. The owner's trusted browser, signed in.
        signInWithCode(email, number, true);
        Browser owner = browser;
        browser = new Browser(baseUrl()).from("127.0.0.66");
        try {
            // 2. Someone with the password and a code (a phone in reach) switches 2FA off from elsewhere.
            waitOutResendCooldown();
            signInWithCode(email, number, false);
            browser.open("/profile.xhtml").uncheck("Use 2FA").fillIn("Password", PASSWORD).press("Turn off 2FA");
            browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Confirm");
            assertTrue(browser.shows("Two-factor authentication is disabled."), browser.describe());
            Browser intruder = browser;

            // 3. The notice says where from; its link, opened without signing in: "Secure my account".
            Mail notice = MailsAbout.newest(email, MailsAbout.NOTICE + "Two-factor authentication was switched off", 1);
            assertTrue(notice.text().contains("IP address 127.0.0.66"), notice.text());
            long log = ServerLog.size();
            browser = new Browser(baseUrl());
            browser.open(notice.tokenPath());
            assertTrue(browser.shows("We emailed you about this change to your account: Two factor disabled"), browser.describe());
            browser.press("Secure my account");
            assertTrue(browser.shows("Your account is secured"), browser.describe());
            assertTrue(browser.shows("Two-factor authentication is on again"), browser.describe());
            assertTrue(browser.shows("Forgot password?"), "what to do next");

            // 4. Every session ended, the intruder's and the owner's.
            assertEquals("/signin.xhtml", intruder.open("/profile.xhtml").path());
            assertEquals("/signin.xhtml", owner.open("/profile.xhtml").path());
            intruder.close();

            // 5. The operator learns of it: a WARNING in the log (the audit trail has ACCOUNT_SECURED).
            String logged = ServerLog.since(log);
            assertTrue(logged.contains("secured through \"This wasn't me\""), logged);

            // 6. The password no longer signs in, and the page points to "Forgot password?".
            browser.close();
            browser = owner;
            signIn(email, PASSWORD);
            assertTrue(browser.shows("Choose a new one with \"Forgot password?\" first"), browser.describe());

            // 7. The reset asks for the code to the number verified before: 2FA is on again.
            browser.open("/forgot-password.xhtml").fillIn("Email", email).press("Send the link");
            browser.open(MailsAbout.newest(email, MailsAbout.RESET_LINK, 1).tokenPath()).press("Continue");
            assertTrue(browser.shows(masked(number)), browser.describe());
            browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Verify");
            browser.fillIn("New password", NEW_PASSWORD).press("Set new password");
            assertTrue(browser.shows("Your password was changed."), browser.describe());

            // 8. The trusted device was revoked: the new password asks for a code to that number.
            waitOutResendCooldown();
            long sent = codesSentTo(number);
            signIn(email, NEW_PASSWORD);
            assertEquals("/signin-code.xhtml", browser.path());
            assertEquals(sent + 1, codesSentTo(number));

            // 9. The link worked once.
            try (Browser again = new Browser(baseUrl())) {
                again.open(notice.tokenPath());
                assertTrue(again.shows("This link was used already"), again.text());
                assertTrue(again.html().getByXPath("//input[@value='Secure my account']").isEmpty());
            }
        } finally {
            owner.close();
        }
    }

    /**
     * An attacker's race: the "This wasn't me" link pressed in two browsers at the same moment. The
     * database decides (the link is spent by one conditional update, under the user's lock): one
     * secures, the other is told the link was used, and the effects happen once.
     */
    @Test
    @WildFlyOnly("two requests at once on Payara's embedded H2, as the other race tests")
    void of_two_presses_racing_with_one_this_wasnt_me_link_exactly_one_secures() throws Exception {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("twice", number);
        waitOutResendCooldown();
        browser.open("/profile.xhtml").uncheck("Use 2FA").fillIn("Password", PASSWORD).press("Turn off 2FA");
        if (!browser.html().getByXPath("//label[normalize-space(.)='Verification code']").isEmpty()) {
            browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Confirm");
        }
        assertTrue(browser.shows("Two-factor authentication is disabled."), browser.describe());
        Mail notice = MailsAbout.newest(email, MailsAbout.NOTICE + "Two-factor authentication was switched off", 1);
        Browser signedIn = browser;

        long log = ServerLog.size();
        try (Browser first = new Browser(baseUrl()); Browser second = new Browser(baseUrl())) {
            first.open(notice.tokenPath());
            second.open(notice.tokenPath());
            List<HttpResponse<String>> answers = releasedAtOnce(List.of(securePost(first), securePost(second)));
            long secured = answers.stream().filter(a -> a.body().contains("Your account is secured")).count();
            long refused = answers.stream().filter(a -> a.body().contains("This link was used already")).count();
            assertEquals(1, secured, "exactly one secures");
            assertEquals(1, refused, "the other is told the link was used");
        }

        // One set of effects: one WARNING for the operator, the session ended, 2FA on again with the number.
        String logged = ServerLog.since(log);
        assertEquals(1, logged.split("secured through \"This wasn't me\"", -1).length - 1, logged);
        assertEquals("/signin.xhtml", signedIn.open("/profile.xhtml").path());
        signIn(email, PASSWORD);
        assertTrue(browser.shows("Choose a new one with \"Forgot password?\" first"), browser.describe());
        browser.open("/forgot-password.xhtml").fillIn("Email", email).press("Send the link");
        browser.open(MailsAbout.newest(email, MailsAbout.RESET_LINK, 1).tokenPath()).press("Continue");
        assertTrue(browser.shows(masked(number)), "2FA is on again, with the number: " + browser.text());
    }

    /** "Secure my account" of the page open in {@code in}, posted by hand. */
    private static HttpRequest securePost(Browser in) {
        return formPost(in, "/secure-account.xhtml", "secure", "secure", "secure:secure-account", "Secure my account");
    }
}

package com.videoapi.portal.it.mail;

import com.videoapi.portal.it.support.Browser;
import com.videoapi.portal.it.support.Mailbox;
import com.videoapi.portal.it.support.Mailbox.Mail;
import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.WildFlyOnly;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Verified addresses (issue 10): the link mailed at sign-up, the same answer for a taken address, links
 * that work once and only while they are the newest and fresh, and changing the address by a link to
 * the new one. The mails are read from a real SMTP server ({@link Mailbox}).
 */
class EmailAddressesIT extends PortalTest {

    private static final String CHECK_INBOX = "Check your inbox to finish";
    private static final String VERIFIED = "Your email address is verified.";

    @Test
    void sign_up_mails_one_link_that_verifies_the_address_once_and_signs_nobody_in() {
        String email = uniqueEmail("vera");
        // 1. Vera creates an account: "Check your inbox to finish", and she is not signed in.
        createAccount("Vera Vision", email, PASSWORD);
        assertEquals(200, browser.status());
        assertEquals(CHECK_INBOX, browser.heading());
        assertEquals("/signin.xhtml", browser.open("/home.xhtml").path());
        // 2. One mail, to her address, naming the account, with a link of at least 128 random bits.
        Mail mail = Mailbox.exactly(email, 1).get(0);
        assertEquals("Confirm your email address", mail.subject());
        assertTrue(mail.text().contains(email) && mail.html().contains(email), "names the account");
        assertFalse(mail.text().contains(PASSWORD), "never the password");
        assertTrue(mail.tokenLink().startsWith(baseUrl() + "verify-email.xhtml?token="), mail.tokenLink());
        String token = mail.tokenLink().substring(mail.tokenLink().indexOf("token=") + 6);
        assertTrue(token.length() >= 22, "128 bits in Base64 are 22 characters at least: " + token);
        assertTrue(mail.html().contains("href=\"" + mail.tokenLink() + "\""), "the HTML part links the same");
        // 3. The link, opened in a browser signed in as nobody: verified, "Sign in" offered, nobody signed in.
        try (Browser elsewhere = new Browser(baseUrl())) {
            elsewhere.open(mail.tokenPath());
            assertTrue(elsewhere.shows(VERIFIED), elsewhere.text());
            assertEquals(1, elsewhere.html().getByXPath("//a[normalize-space(.)='Sign in']").size());
            assertEquals("/signin.xhtml", elsewhere.open("/home.xhtml").path());
            // 4. Opened again, it is refused clearly: each link works once.
            elsewhere.open(mail.tokenPath());
            assertTrue(elsewhere.shows("This link was used already"), elsewhere.text());
            assertFalse(elsewhere.shows(VERIFIED));
        }
        // 5. Signed in, Vera's profile has no notice any more, and her security events show the verification.
        signIn(email, PASSWORD);
        browser.open("/profile.xhtml");
        assertFalse(browser.shows("Send the link again"), browser.describe());
        assertTrue(browser.html().getElementById("recent-events").asNormalizedText().contains("Email address verified"));
    }

    @Test
    void a_link_opened_where_its_owner_is_signed_in_leads_to_the_account() {
        String email = uniqueEmail("wes");
        createAccount("Wes Works", email, PASSWORD);
        // 1. Signed in with the password before verifying: the profile shows the notice.
        signIn(email, PASSWORD);
        browser.open("/profile.xhtml");
        assertTrue(browser.shows("is not verified yet"), browser.describe());
        assertTrue(browser.shows("Send the link again"));
        // 2. The link, in the same browser: verified, and the way on is the account, not "Sign in".
        browser.open(Mailbox.newest(email).tokenPath());
        assertTrue(browser.shows(VERIFIED), browser.describe());
        browser.press("Go to your account");
        assertEquals("/profile.xhtml", browser.path());
        assertFalse(browser.shows("Send the link again"), browser.describe());
    }

    @Test
    void a_sign_up_with_a_taken_address_gets_the_same_page_and_status_creates_nothing_and_tells_the_owner() {
        String owner = uniqueEmail("olga");
        // 1. A new address, from a fresh browser: what the page says and with which status.
        createAccount("Olga Originals", owner, PASSWORD);
        int newStatus = browser.status();
        String newPage = mainText(browser);
        // 2. The same address again, from a stranger's browser, with another name and password.
        try (Browser stranger = new Browser(baseUrl())) {
            stranger.open("/create-account.xhtml")
                    .fillIn("Account name", "Not Olga")
                    .fillIn("Email", owner)
                    .fillIn("Password", "the stranger's own passphrase")
                    .press("Create account");
            // 3. Word for word the same page, the same status.
            assertEquals(newStatus, stranger.status());
            assertEquals(newPage, mainText(stranger));
            assertTrue(mainText(stranger).contains(CHECK_INBOX));
            // 4. Nothing was created: the stranger's password opens nothing.
            stranger.open("/signin.xhtml").fillIn("Email", owner).fillIn("Password", "the stranger's own passphrase").press("Sign in");
            assertTrue(stranger.shows("The email address or password is incorrect."), stranger.text());
            // 5. A script trying again does not flood the owner's mailbox: one notice per cooldown.
            stranger.open("/create-account.xhtml")
                    .fillIn("Account name", "Not Olga")
                    .fillIn("Email", owner)
                    .fillIn("Password", "the stranger's own passphrase")
                    .press("Create account");
            assertEquals(newPage, mainText(stranger));
        }
        // 6. The owner got her link, then one notice, with the words the issue asks for and a way to sign in.
        List<Mail> mails = Mailbox.exactly(owner, 2);
        Mail notice = mails.stream().filter(m -> !m.subject().equals("Confirm your email address")).findFirst().orElseThrow();
        assertTrue(notice.text().contains("Someone tried to create an account with your address; if it was you, sign in"
                + " or reset your password"), notice.text());
        assertTrue(notice.links().contains(baseUrl() + "signin.xhtml"), notice.links().toString());
        assertTrue(notice.links().stream().noneMatch(link -> link.contains("token=")), "no link that does anything");
        // 7. Her account is as it was.
        signIn(owner, PASSWORD);
        assertEquals("Olga Originals", browser.heading());
    }

    @WildFlyOnly("on Payara a link opened after the test clock moved read 'This link is not valid' (seen once, 2026-11-30,"
            + " cause not found yet; the same steps without moving the clock pass there): reported")
    @Test
    void an_expired_link_is_refused_clearly() {
        String email = uniqueEmail("exp");
        createAccount("Expiry Ltd", email, PASSWORD);
        String link = Mailbox.newest(email).tokenPath();
        // A day and an hour later the link is too old.
        advanceServerClock(Duration.ofHours(25));
        browser.open(link);
        assertTrue(browser.shows("This link has expired"), browser.describe());
        signIn(email, PASSWORD);
        assertTrue(browser.open("/profile.xhtml").shows("is not verified yet"), "nothing was verified");
    }

    @WildFlyOnly("on Payara a link opened after the test clock moved read 'This link is not valid' (seen once, 2026-11-30,"
            + " cause not found yet; the same steps without moving the clock pass there): reported")
    @Test
    void send_the_link_again_waits_its_cooldown_and_voids_the_older_link() {
        String email = uniqueEmail("sam");
        createAccount("Sam Streams", email, PASSWORD);
        String first = Mailbox.newest(email).tokenPath();
        signIn(email, PASSWORD);
        // 1. At once: too soon, and no second mail.
        browser.open("/profile.xhtml").press("Send the link again");
        assertTrue(browser.shows("We sent a link less than 60 seconds ago"), browser.describe());
        // 2. A minute later: a new link, and the page says so.
        advanceServerClock(Duration.ofSeconds(61));
        browser.open("/profile.xhtml").press("Send the link again");
        assertTrue(browser.shows("We sent a new link to " + email), browser.describe());
        List<Mail> mails = Mailbox.exactly(email, 2);
        String second = mails.get(1).tokenPath();
        // 3. The older link is refused, saying a newer one replaced it; the newer one verifies.
        browser.open(first);
        assertTrue(browser.shows("This link was replaced by a newer one"), browser.describe());
        browser.open(second);
        assertTrue(browser.shows(VERIFIED), browser.describe());
    }

    @WildFlyOnly("moves the test clock, as the test above, and on Payara's embedded H2 (jdbc/__default) the row locks"
            + " do not hold concurrent requests back (as GuessingCodesIT; use PostgreSQL there, docs/operating-payara.md)")
    @Test
    void clicks_of_send_the_link_again_at_once_mail_one_link() throws Exception {
        String email = uniqueEmail("twice");
        createAccount("Twice Told", email, PASSWORD);
        Mailbox.exactly(email, 1);
        signIn(email, PASSWORD);
        advanceServerClock(Duration.ofSeconds(61));
        browser.open("/profile.xhtml");
        // The same post six times at once (clicks, a script): each waits for the cooldown's verdict in turn.
        HttpRequest click = formPost("/profile.xhtml", "email-verification", "email-verification",
                "email-verification:send-link-again", "Send the link again");
        List<HttpResponse<String>> answers = releasedAtOnce(java.util.Collections.nCopies(6, click));
        long sent = answers.stream().filter(a -> a.body().contains("We sent a new link to")).count();
        long tooSoon = answers.stream().filter(a -> a.body().contains("We sent a link less than 60 seconds ago")).count();
        assertEquals(1, sent, "one click sends");
        assertEquals(5, tooSoon, "the others are told to wait");
        // The sign-up's link and one more: the mailbox is not flooded.
        Mailbox.exactly(email, 2);
    }

    @Test
    void two_requests_racing_with_one_link_verify_once() throws Exception {
        String email = uniqueEmail("race");
        createAccount("Race Co", email, PASSWORD);
        URI link = URI.create(Mailbox.newest(email).tokenLink());
        List<HttpResponse<String>> answers = releasedAtOnce(List.of(
                HttpRequest.newBuilder(link).GET().build(), HttpRequest.newBuilder(link).GET().build()));
        long verified = answers.stream().filter(a -> a.body().contains(VERIFIED)).count();
        long used = answers.stream().filter(a -> a.body().contains("This link was used already")).count();
        assertEquals(1, verified, "exactly one request verifies");
        assertEquals(1, used, "the other is told the link was used");
    }

    @Test
    void a_made_up_link_is_refused_clearly() {
        browser.open("/verify-email.xhtml?token=" + "A".repeat(43));
        assertEquals(200, browser.status());
        assertTrue(browser.shows("This link is not valid."), browser.describe());
        browser.open("/verify-email.xhtml?token=%3Cscript%3E");
        assertTrue(browser.shows("This link is not valid."), browser.describe());
        browser.open("/verify-email.xhtml");
        assertTrue(browser.shows("This link is not valid."), browser.describe());
    }

    @Test
    void changing_the_address_takes_the_password_then_a_link_to_the_new_address_with_a_notice_to_the_old() {
        String old = uniqueEmail("cara");
        String fresh = uniqueEmail("cara-new");
        signUp("Cara Cuts", old);
        // 1. A wrong password: refused at its field, no mail to anyone new.
        browser.open("/profile.xhtml").fillIn("New email address", fresh).fillIn("Your password", "not my password at all").press("Change email address");
        assertTrue(browser.shows("The password is incorrect."), browser.describe());
        // 2. The right one: a link to the new address, and the page says so; the address is still the old one.
        browser.open("/profile.xhtml").fillIn("New email address", fresh).fillIn("Your password", PASSWORD).press("Change email address");
        assertTrue(browser.shows("We sent a link to " + fresh), browser.describe());
        assertEquals(old, browser.open("/profile.xhtml").html().getElementById("email").asNormalizedText());
        Mail confirmation = Mailbox.exactly(fresh, 1).get(0);
        assertEquals("Confirm your new email address", confirmation.subject());
        assertTrue(confirmation.text().contains(old), "names the account it is about");
        // 3. The old address is told, without a link that changes anything.
        Mail notice = Mailbox.exactly(old, 2).get(1);
        assertEquals("Your email address is about to change", notice.subject());
        assertTrue(notice.links().stream().noneMatch(link -> link.contains("token=")));
        // 4. Following the link changes the address; it signs in with the new one, no longer the old.
        browser.open(confirmation.tokenPath());
        assertTrue(browser.shows("Your email address is now " + fresh), browser.describe());
        assertEquals(fresh, browser.open("/profile.xhtml").html().getElementById("email").asNormalizedText());
        assertTrue(browser.html().getElementById("recent-events").asNormalizedText().contains("Email address changed"));
        assertFalse(browser.shows("Send the link again"), "the new address is proven by the link");
        browser.press("Sign out");
        signIn(old, PASSWORD);
        assertTrue(browser.shows("The email address or password is incorrect."));
        signIn(fresh, PASSWORD);
        assertEquals("Cara Cuts", browser.heading());
        // 5. The link works once.
        browser.open(confirmation.tokenPath());
        assertTrue(browser.shows("This link was used already"), browser.describe());
    }

    @Test
    void with_2fa_on_a_change_of_address_needs_a_fresh_code_too() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("tess", number);
        String fresh = uniqueEmail("tess-new");
        // 1. Six minutes after signing in, the last proof of identity is too old.
        advanceServerClock(Duration.ofMinutes(6));
        browser.open("/profile.xhtml").fillIn("New email address", fresh).fillIn("Your password", PASSWORD).press("Change email address");
        assertTrue(browser.shows("Confirm it's you"), browser.describe());
        Mailbox.exactly(fresh, 0);
        // 2. The password and the code sent to the phone: then the link goes out.
        browser.fillIn("Confirm with your password", PASSWORD).press("Confirm it's you");
        browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Confirm");
        assertTrue(browser.shows("We sent a link to " + fresh), browser.describe());
        assertEquals("Confirm your new email address", Mailbox.exactly(fresh, 1).get(0).subject());
        assertTrue(Mailbox.mailsTo(email).stream().anyMatch(m -> m.subject().equals("Your email address is about to change")));
    }

    @Test
    void a_change_to_an_address_with_an_account_gets_the_same_answer_and_no_link() {
        String taken = uniqueEmail("tina");
        signUp("Tina Takes", taken);
        browser.press("Sign out");
        String email = uniqueEmail("uma");
        signUp("Uma Unlimited", email);
        // Uma asks for Tina's address: the same answer as for any address; no link goes to Tina.
        browser.open("/profile.xhtml").fillIn("New email address", taken).fillIn("Your password", PASSWORD).press("Change email address");
        assertTrue(browser.shows("We sent a link to " + taken), browser.describe());
        assertEquals(1, Mailbox.exactly(taken, 1).size(), "Tina has her own verification mail only");
        assertEquals(email, browser.open("/profile.xhtml").html().getElementById("email").asNormalizedText());
    }

    /** The page's main content (no view state, no session): what a person or a script compares. */
    private static String mainText(Browser from) {
        return from.html().getFirstByXPath("//main") instanceof org.htmlunit.html.HtmlElement main
                ? main.asNormalizedText() : from.text();
    }
}

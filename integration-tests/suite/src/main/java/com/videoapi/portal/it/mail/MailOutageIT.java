package com.videoapi.portal.it.mail;

import com.videoapi.portal.it.support.Mailbox;
import com.videoapi.portal.it.support.PortalTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SMTP server down during a sign-up: the account is created all the same, the page answers at
 * once, and the mail goes out when the server is back (the test servers retry every 1-2 s,
 * integration-tests/pom.xml). GreenMail really stops listening: the portal's connection is refused.
 */
class MailOutageIT extends PortalTest {

    @Test
    void a_sign_up_while_the_smtp_server_is_down_creates_the_account_and_mails_the_link_when_it_is_back() {
        String email = uniqueEmail("outage");
        // 0. One sign-up first, with the SMTP server up: the first of a run warms the server for seconds.
        createAccount("Warm-up Media", uniqueEmail("warm-up"), PASSWORD);
        Mailbox.down();
        try {
            // 1. Sign-up answers as always: the mail waits, the person does not (timed from the press).
            browser.open("/create-account.xhtml").fillIn("Account name", "Outage Media").fillIn("Email", email)
                    .fillIn("Password", PASSWORD);
            long started = System.nanoTime();
            browser.press("Create account");
            long took = System.nanoTime() - started;
            assertEquals(CHECK_INBOX, browser.heading(), browser.describe());
            assertTrue(took < 10_000_000_000L, "the page waited for the SMTP server: " + took / 1_000_000 + " ms");
            // 2. The account exists: the password signs in.
            signIn(email, PASSWORD);
            assertEquals("Outage Media", browser.heading());
            pauseFor(3);
        } finally {
            // 3. The SMTP server comes back (with an empty mailbox).
            Mailbox.up();
        }
        // 4. The link arrives, once, and works.
        String link = Mailbox.exactly(email, 1).get(0).tokenPath();
        browser.open(link);
        assertTrue(browser.shows("Your email address is verified."), browser.describe());
    }

    private static final String CHECK_INBOX = "Check your inbox to finish";

    private static void pauseFor(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

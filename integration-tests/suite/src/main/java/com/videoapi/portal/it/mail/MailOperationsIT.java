package com.videoapi.portal.it.mail;

import com.videoapi.portal.it.support.Mailbox;
import com.videoapi.portal.it.support.Operator;
import com.videoapi.portal.it.support.Operator.Health;
import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.ServerLog;
import com.videoapi.portal.it.support.ServerSetting;
import com.videoapi.portal.it.support.WildFlyOnly;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.videoapi.portal.it.support.Operator.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What operators see of the portal's mail: the readiness check of the mail session, the meters of
 * mails sent and given up, the audit trail, and the WARNING of a mail given up, which names neither
 * the whole address nor the link.
 */
@WildFlyOnly("reads WildFly's management port (/health, /prometheus) and lowers mail.retry.attempts through WildFly's"
        + " management API")
class MailOperationsIT extends PortalTest {

    private final Operator operator = new Operator();

    @AfterEach
    void closeOperator() {
        operator.close();
    }

    @Test
    void readiness_reports_the_mail_session_and_its_smtp_server() {
        Health ready = operator.health("/health/ready");
        assertEquals("UP", ready.check("mail").path("status").asText(), ready.toString());
        assertEquals("smtp", ready.check("mail").path("data").path("delivery").asText(), ready.toString());
        assertEquals("reachable", ready.check("mail").path("data").path("smtp").asText(), ready.toString());
    }

    @Test
    void each_mail_sent_is_counted_by_kind_and_in_the_owners_security_events() {
        String before = operator.scrape();
        String email = uniqueEmail("meter");
        signUp("Meter Media", email);
        Mailbox.exactly(email, 1);
        String after = operator.scrape();
        assertEquals(1, sample(after, "portal_mail_sent_total", "kind", "ADDRESS_VERIFICATION")
                - sample(before, "portal_mail_sent_total", "kind", "ADDRESS_VERIFICATION"));
        String events = browser.open("/profile.xhtml").html().getElementById("recent-events").asNormalizedText();
        assertTrue(events.contains("Mail sent"), events);
    }

    @Test
    void a_mail_given_up_after_its_retries_is_a_warning_without_the_address_or_link_and_is_counted() throws Exception {
        double failedBefore = sample(operator.scrape(), "portal_mail_failed_total");
        long logFrom = ServerLog.size();
        String email = uniqueEmail("given-up");
        try (ServerSetting attempts = ServerSetting.set("mail.retry.attempts", "2", "40")) {
            Mailbox.down();
            try {
                // 1. The SMTP server is gone for good: the sign-up is answered as always.
                createAccount("Given Up Ltd", email, PASSWORD);
                assertEquals("Check your inbox to finish", browser.heading(), browser.describe());
                // 2. Two attempts (at once, and a second later), then it is given up and counted.
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (sample(operator.scrape(), "portal_mail_failed_total") < failedBefore + 1 && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }
                assertEquals(failedBefore + 1, sample(operator.scrape(), "portal_mail_failed_total"));
            } finally {
                Mailbox.up();
            }
        }
        // 3. The WARNING says what and to whom, masked; never the address in full or the link.
        String log = ServerLog.since(logFrom);
        assertTrue(log.contains("@example.com not sent after 2 attempt(s)"), log);
        assertTrue(log.contains("MAIL_FAILED"), "the audit trail has it: " + log);
        assertFalse(log.contains(email), "the whole address");
        assertFalse(log.contains("token="), "the link");
        // 4. The account was created all the same.
        signIn(email, PASSWORD);
        assertEquals("Given Up Ltd", browser.heading());
    }
}

package com.videoapi.portal.security.mail.boundary;

import com.videoapi.portal.security.mail.control.Courier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/**
 * Where the portal posts its mails. {@link #post} returns at once: the letter goes out after the
 * current transaction commits (at once when there is none; never when it rolls back, so no mail
 * speaks of something that did not happen), off the request's thread, retried with back-off while
 * the SMTP server is down ({@code mail.retry.*}). Sending never blocks or undoes the caller, and a
 * letter given up is a WARNING and a {@code MAIL_FAILED} audit event, not an exception.
 *
 * <p>Usage: {@code outbox.post(new Letter(MailKind.ADDRESS_VERIFICATION, user.id(), address, locale,
 * Map.of("link", links.link("verify-email", token))))}; the words are the kind's in the mail bundle
 * (see {@link Letter}). Mail goes through the server's session {@code java:jboss/mail/Portal} ({@code mail/Portal}
 * on Payara).
 */
@ApplicationScoped
public class Outbox {

    @Inject
    Event<Letter> posted;

    @Inject
    Courier courier;

    /** Sent after the current transaction commits, off the request thread; never blocks or undoes the caller. */
    public void post(Letter letter) {
        posted.fire(letter);
    }

    /**
     * How mail goes out, for the readiness check: {@code delivery} is {@code smtp} or {@code log}; a
     * problem only when mail cannot go out at all (no mail session); an SMTP server that does not
     * answer is the detail {@code smtp=unreachable}. Asks the SMTP server at most every 30 seconds.
     */
    public MailStatus status() {
        return courier.status();
    }

    /** See {@link #status()}. */
    public record MailStatus(String delivery, Map<String, String> details, List<String> problems) {
    }

    /* CDI calls a transactional observer at once when no transaction is active. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Letter letter) {
        courier.carry(letter);
    }
}

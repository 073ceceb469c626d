package com.videoapi.portal.security.mail.control;

import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.mail.boundary.Letter;
import com.videoapi.portal.security.mail.boundary.MailOutcome;
import com.videoapi.portal.security.mail.boundary.MaskedAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries letters to the SMTP server on the server's managed scheduled executor, never on the
 * request's thread: an attempt that fails is tried again after a back-off ({@link RetrySchedule},
 * {@code mail.retry.*}); after the last one the letter is given up with a WARNING that names its kind
 * and the masked address only (never the whole address or a link, which may hold a token). Each letter
 * sent or given up is an audit event ({@code MAIL_SENT}, {@code MAIL_FAILED}) and a {@link MailOutcome}.
 *
 * <p>Letters waiting for a retry live in memory: a server stopped meanwhile loses them, which the
 * person notices and remedies by asking again ("Send the link again", "Forgot password?").
 *
 * <p>{@code mail.delivery=log} (what {@code mvn package -Prun} sets) writes each letter to the server
 * log instead, for development, unless {@code PORTAL_SMTP_HOST} names a server: then mail goes there.
 */
@ApplicationScoped
public class Courier {

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    MailSession mailSession;

    @Inject
    SecurityEvents events;

    @Inject
    Event<MailOutcome> outcomes;

    @Inject
    Config config;

    private RetrySchedule retries;
    private boolean toLog;

    @PostConstruct
    void configure() {
        retries = new RetrySchedule(
                config.getOptionalValue("mail.retry.attempts", Integer.class).orElse(8),
                config.getOptionalValue("mail.retry.first-delay", Duration.class).orElse(Duration.ofSeconds(10)),
                config.getOptionalValue("mail.retry.longest-delay", Duration.class).orElse(Duration.ofMinutes(10)));
        String delivery = config.getOptionalValue("mail.delivery", String.class).orElse("smtp").strip();
        boolean smtpHostSet = config.getOptionalValue("PORTAL_SMTP_HOST", String.class).filter(h -> !h.isBlank()).isPresent();
        toLog = "log".equals(delivery) && !smtpHostSet;
        if (toLog) {
            LOG.warning("mail.delivery=log: mails are written to this log, not sent (development only)");
        }
    }

    /** Starts carrying the letter; returns at once. */
    public void carry(Letter letter) {
        schedule(letter, 1, Duration.ZERO);
    }

    private void schedule(Letter letter, int attempt, Duration delay) {
        try {
            scheduler.schedule(() -> attempt(letter, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            giveUp(letter, attempt, "the server is shutting down");
        }
    }

    private void attempt(Letter letter, int attempt) {
        Composition words;
        try {
            words = Composition.of(letter);
        } catch (RuntimeException noWords) {
            // A missing bundle key is a bug, not an outage: retrying would not help.
            LOG.log(Level.SEVERE, "Mail " + letter.kind() + " has no words: " + noWords.getMessage());
            giveUp(letter, attempt, "no words");
            return;
        }
        if (toLog) {
            LOG.info(() -> "Development mail (not sent) to " + letter.to() + "\nSubject: " + words.subject() + "\n\n" + words.text());
            sent(letter, "development log");
            return;
        }
        try {
            mailSession.send(letter, words);
            sent(letter, null);
        } catch (Exception failed) {
            Optional<Duration> next = retries.after(attempt);
            String reason = failed.getClass().getSimpleName();
            if (next.isPresent()) {
                LOG.fine(() -> letter + " not sent at attempt " + attempt + " (" + reason + "), again in " + next.get());
                schedule(letter, attempt + 1, next.get());
            } else {
                giveUp(letter, attempt, reason);
            }
        }
    }

    private void sent(Letter letter, String note) {
        events.fire(Kind.MAIL_SENT, letter.userId(), null,
                letter.kind() + " to " + MaskedAddress.of(letter.to()) + (note == null ? "" : " (" + note + ")"));
        outcomes.fire(new MailOutcome(letter.kind(), true));
    }

    private void giveUp(Letter letter, int attempts, String reason) {
        LOG.warning(() -> "Mail " + letter.kind() + " to " + MaskedAddress.of(letter.to()) + " not sent after "
                + attempts + " attempt(s): " + reason);
        events.fire(Kind.MAIL_FAILED, letter.userId(), null,
                letter.kind() + " to " + MaskedAddress.of(letter.to()) + ": " + reason);
        outcomes.fire(new MailOutcome(letter.kind(), false));
    }
}

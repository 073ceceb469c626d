package com.videoapi.portal.security.mail.control;

import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.mail.boundary.Letter;
import com.videoapi.portal.security.mail.boundary.MailOutcome;
import com.videoapi.portal.security.mail.boundary.MaskedAddress;
import com.videoapi.portal.security.mail.boundary.Outbox;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    /** A readiness probe asks the SMTP server at most this often. */
    private static final Duration STATUS_MAX_AGE = Duration.ofSeconds(30);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    MailSession mailSession;

    @Inject
    SecurityEvents events;

    @Inject
    Event<MailOutcome> outcomes;

    /** Providers, so that each failed attempt reads the settings as they are now. */
    @Inject
    @ConfigProperty(name = "mail.retry.attempts")
    Provider<Integer> attempts;

    @Inject
    @ConfigProperty(name = "mail.retry.first-delay")
    Provider<Duration> firstDelay;

    @Inject
    @ConfigProperty(name = "mail.retry.longest-delay")
    Provider<Duration> longestDelay;

    @Inject
    @ConfigProperty(name = "mail.delivery")
    String delivery;

    /** The environment variable that configure-mail.cli reads too: set, mail goes to that server. */
    @Inject
    @ConfigProperty(name = "PORTAL_SMTP_HOST")
    Optional<String> smtpHost;

    private boolean toLog;

    @PostConstruct
    void configure() {
        toLog = "log".equals(delivery.strip()) && smtpHost.filter(h -> !h.isBlank()).isEmpty();
        if (toLog) {
            LOG.warning("mail.delivery=log: mails are written to this log, not sent (development only)");
        }
    }

    private volatile Outbox.MailStatus lastStatus;
    private volatile long statusAt;

    /** See {@link Outbox#status()}. */
    public Outbox.MailStatus status() {
        if (toLog) {
            return new Outbox.MailStatus("log", Map.of("note", "mails are written to the server log, not sent"), List.of());
        }
        Outbox.MailStatus last = lastStatus;
        if (last != null && System.nanoTime() - statusAt < STATUS_MAX_AGE.toNanos()) {
            return last;
        }
        MailSession.Reachability reachability = mailSession.reachability();
        Outbox.MailStatus now = switch (reachability) {
            case NOT_CONFIGURED -> new Outbox.MailStatus("smtp", Map.of(),
                    List.of("no mail session at " + MailSession.JNDI_NAME + " (WildFly: apply configure-mail.cli) or "
                            + MailSession.PAYARA_JNDI_NAME + " (Payara: configure-mail.asadmin)"));
            case REACHABLE -> new Outbox.MailStatus("smtp", Map.of("smtp", "reachable"), List.of());
            case UNREACHABLE -> new Outbox.MailStatus("smtp",
                    Map.of("smtp", "unreachable", "note", "mails wait and are retried"), List.of());
        };
        lastStatus = now;
        statusAt = System.nanoTime();
        return now;
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
        } catch (Exception failed) {
            Optional<Duration> next;
            try {
                next = new RetrySchedule(attempts.get(), firstDelay.get(), longestDelay.get()).after(attempt);
            } catch (IllegalArgumentException badSettings) {
                LOG.severe(() -> "mail.retry.* is unusable, no retry: " + badSettings.getMessage());
                next = Optional.empty();
            }
            String reason = failed.getClass().getSimpleName();
            if (next.isPresent()) {
                Duration wait = next.get();
                LOG.fine(() -> letter + " not sent at attempt " + attempt + " (" + reason + "), again in " + wait);
                schedule(letter, attempt + 1, wait);
            } else {
                giveUp(letter, attempt, reason);
            }
            return;
        }
        // Outside the try: a failure to record it must not send the mail again.
        sent(letter, null);
    }

    private void sent(Letter letter, String note) {
        try {
            outcomes.fire(new MailOutcome(letter.kind(), true));
            events.fire(Kind.MAIL_SENT, letter.userId(), null,
                    letter.kind() + " to " + MaskedAddress.of(letter.to()) + (note == null ? "" : " (" + note + ")"));
        } catch (RuntimeException notRecorded) {
            LOG.warning(() -> "Mail " + letter.kind() + " sent, but not recorded: " + notRecorded);
        }
    }

    private void giveUp(Letter letter, int attempts, String reason) {
        LOG.warning(() -> "Mail " + letter.kind() + " to " + MaskedAddress.of(letter.to()) + " not sent after "
                + attempts + " attempt(s): " + reason);
        try {
            outcomes.fire(new MailOutcome(letter.kind(), false));
            events.fire(Kind.MAIL_FAILED, letter.userId(), null,
                    letter.kind() + " to " + MaskedAddress.of(letter.to()) + ": " + reason);
        } catch (RuntimeException notRecorded) {
            LOG.warning(() -> "Mail " + letter.kind() + " given up, but not recorded: " + notRecorded);
        }
    }
}

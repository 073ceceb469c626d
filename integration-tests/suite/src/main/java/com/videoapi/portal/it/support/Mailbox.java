package com.videoapi.portal.it.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mailboxes of the people in the tests: a real SMTP server (GreenMail) in the test JVM, on the
 * loopback port {@code it.smtp.port} that integration-tests/pom.xml gives the test server's mail
 * session ({@code PORTAL_SMTP_HOST}, {@code PORTAL_SMTP_PORT}). One for the whole run, started
 * before the first test class ({@link PortalSteps} registers it); every address is accepted.
 *
 * <p>The portal sends after its transaction commits and off the request's thread, so a mail arrives
 * a moment after the page answered: {@link #newest} and {@link #awaitMails} wait for it.
 * {@link #down()} and {@link #up()} stop and restart the server for an outage.
 */
public final class Mailbox implements BeforeAllCallback {

    /** How long a test waits for a mail the portal should have sent. */
    public static final Duration PATIENCE = Duration.ofSeconds(20);

    /** How long a test watches for a mail that should not come (or a second one). */
    public static final Duration QUIET = Duration.ofSeconds(3);

    private static GreenMail server;

    @Override
    public void beforeAll(ExtensionContext context) {
        running();
    }

    /** Starts the server if it is not running. */
    public static synchronized GreenMail running() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(Integer.getInteger("it.smtp.port", 18025), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            server.start();
            // Closed with the test JVM; every test class shares it.
            Runtime.getRuntime().addShutdownHook(new Thread(Mailbox::down));
        }
        return server;
    }

    /** Stops the SMTP server: the portal's mails fail until {@link #up()}. Mails received so far are gone. */
    public static synchronized void down() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Starts the SMTP server again after {@link #down()}. */
    public static void up() {
        running();
    }

    /** The mails received so far to that address, oldest first, without waiting. */
    public static List<Mail> mailsTo(String address) {
        GreenMail smtp = running();
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            Mail mail = Mail.of(message);
            if (mail.to().equalsIgnoreCase(address)) {
                mails.add(mail);
            }
        }
        return mails;
    }

    /** Waits until at least {@code count} mails to that address arrived; fails after {@link #PATIENCE}. */
    public static List<Mail> awaitMails(String address, int count) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<Mail> mails = mailsTo(address);
        while (mails.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(count + " mail(s) to " + address + " expected within " + PATIENCE + ", "
                        + mails.size() + " arrived: " + mails);
            }
            pause(Duration.ofMillis(200));
            mails = mailsTo(address);
        }
        return mails;
    }

    /** The newest mail to that address, waiting for the first if none came yet. */
    public static Mail newest(String address) {
        List<Mail> mails = awaitMails(address, 1);
        return mails.get(mails.size() - 1);
    }

    /**
     * Exactly {@code count} mails to that address: waits for them, then watches {@link #QUIET} that no
     * other comes (a mail sent twice, a retry after a success).
     */
    public static List<Mail> exactly(String address, int count) {
        if (count > 0) {
            awaitMails(address, count);
        }
        pause(QUIET);
        List<Mail> mails = mailsTo(address);
        if (mails.size() != count) {
            throw new AssertionError(count + " mail(s) to " + address + " expected, " + mails.size() + " arrived: " + mails);
        }
        return mails;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for mail", e);
        }
    }

    /**
     * One mail as the person sees it: its subject, plain-text and HTML parts, and the portal's links in
     * it (from the plain-text part, where they are written out).
     */
    public record Mail(String to, String from, String subject, String text, String html) {

        private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

        static Mail of(MimeMessage message) {
            try {
                String to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .map(address -> ((jakarta.mail.internet.InternetAddress) address).getAddress())
                        .findFirst().orElse("");
                String from = message.getFrom() == null ? "" : message.getFrom()[0].toString();
                StringBuilder text = new StringBuilder();
                StringBuilder html = new StringBuilder();
                collect(message, text, html);
                return new Mail(to.toLowerCase(Locale.ROOT), from, message.getSubject(), text.toString(), html.toString());
            } catch (MessagingException | IOException e) {
                throw new AssertionError("unreadable mail", e);
            }
        }

        private static void collect(Part part, StringBuilder text, StringBuilder html) throws MessagingException, IOException {
            if (part.isMimeType("text/plain")) {
                text.append(part.getContent());
            } else if (part.isMimeType("text/html")) {
                html.append(part.getContent());
            } else if (part.isMimeType("multipart/*")) {
                Multipart parts = (Multipart) part.getContent();
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart child = parts.getBodyPart(i);
                    collect(child, text, html);
                }
            }
        }

        /** Every link in the plain-text part, in order. */
        public List<String> links() {
            List<String> links = new ArrayList<>();
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                links.add(m.group());
            }
            return links;
        }

        /** The link with a token in it (the one the mail is for); fails when there is none or several. */
        public String tokenLink() {
            List<String> withToken = links().stream().filter(link -> link.contains("token=")).toList();
            if (withToken.size() != 1) {
                throw new AssertionError("one link with a token expected in " + this + ": " + withToken);
            }
            return withToken.get(0);
        }

        /** The path and query of {@link #tokenLink()}, for the test's browser: "/verify-email.xhtml?token=...". */
        public String tokenPath() {
            String link = tokenLink();
            return link.substring(link.indexOf('/', link.indexOf("//") + 2));
        }

        @Override
        public String toString() {
            return "Mail[to " + to + ": " + subject + "]";
        }
    }
}

package com.videoapi.portal.security.mail.control;

import com.videoapi.portal.security.mail.boundary.Letter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;

/**
 * The mail session the server provides at {@value #JNDI_NAME} (WildFly: {@code configure-mail.cli}) or
 * at {@value #PAYARA_JNDI_NAME} (Payara, {@code configure-mail.asadmin}: Payara refuses a ':' in a
 * resource's name), and the sending of one composed letter through it.
 *
 * <p>Looked up at each send, not injected: a server without the session still deploys the portal
 * (its readiness is DOWN and says why) and gets it without a redeployment once an operator adds it.
 * The server's session has no time-outs (Jakarta Mail waits for ever by default), so each send uses
 * a copy of its properties with {@value #TIMEOUT_MILLIS} ms time-outs where the operator set none, and
 * the server's authenticator. {@code portal.smtp.user} and {@code portal.smtp.password}
 * (MicroProfile Config: the environment's {@code PORTAL_SMTP_USER}/{@code PORTAL_SMTP_PASSWORD}, or a
 * file {@code portal.smtp.password} in the secrets directory) sign in to the SMTP server when set, so
 * the password never has to be in the server's configuration.
 */
@ApplicationScoped
public class MailSession {

    public static final String JNDI_NAME = "java:jboss/mail/Portal";
    public static final String PAYARA_JNDI_NAME = "mail/Portal";

    static final String TIMEOUT_MILLIS = "10000";

    @Inject
    @ConfigProperty(name = "portal.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "portal.smtp.password")
    Optional<String> password;

    @Inject
    Clock clock;

    /** The server's session, or empty when the server has none by either name. */
    public Optional<Session> server() {
        for (String name : new String[] {JNDI_NAME, PAYARA_JNDI_NAME}) {
            try {
                return Optional.of(InitialContext.doLookup(name));
            } catch (NamingException | ClassCastException notConfigured) {
                // the next name
            }
        }
        return Optional.empty();
    }

    /**
     * Sends the letter, in its words, to its address.
     *
     * @throws MessagingException when the session is missing or the SMTP server refused or did not answer
     */
    public void send(Letter letter, Composition words) throws MessagingException {
        Session server = server().orElseThrow(() -> new MessagingException("No mail session at " + JNDI_NAME));
        Session session = withTimeouts(server);
        MimeMessage message = new MimeMessage(session);
        message.setFrom();
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(letter.to(), true));
        message.setSubject(words.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        // RFC 3834: an automatic mail, so that auto-responders do not answer it.
        message.setHeader("Auto-Submitted", "auto-generated");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(words.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(words.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        message.setContent(alternatives);
        message.saveChanges();
        try (Transport transport = session.getTransport("smtp")) {
            if (user.filter(u -> !u.isBlank()).isPresent() && password.isPresent()) {
                transport.connect(user.get(), password.get());
            } else {
                transport.connect();
            }
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /**
     * Whether the session's SMTP server takes a connection within a second: a detail for the
     * readiness check, never a reason for DOWN (every node would go out of service at once).
     */
    public Reachability reachability() {
        Optional<Session> server = server();
        if (server.isEmpty()) {
            return Reachability.NOT_CONFIGURED;
        }
        Properties props = server.get().getProperties();
        String host = props.getProperty("mail.smtp.host", "localhost");
        int port = Integer.parseInt(props.getProperty("mail.smtp.port", "25"));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return Reachability.REACHABLE;
        } catch (IOException | IllegalArgumentException e) {
            return Reachability.UNREACHABLE;
        }
    }

    /** How the mail session stands. */
    public enum Reachability { NOT_CONFIGURED, REACHABLE, UNREACHABLE }

    private static Session withTimeouts(Session server) {
        Properties props = new Properties();
        props.putAll(server.getProperties());
        for (String protocol : new String[] {"smtp", "smtps"}) {
            props.putIfAbsent("mail." + protocol + ".connectiontimeout", TIMEOUT_MILLIS);
            props.putIfAbsent("mail." + protocol + ".timeout", TIMEOUT_MILLIS);
            props.putIfAbsent("mail." + protocol + ".writetimeout", TIMEOUT_MILLIS);
        }
        return Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return server.requestPasswordAuthentication(getRequestingSite(), getRequestingPort(),
                        getRequestingProtocol(), getRequestingPrompt(), getDefaultUserName());
            }
        });
    }
}

package com.videoapi.portal.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/**
 * The mail session, as security-module reports it ({@link #watch}): DOWN only when the portal has no
 * mail session at all (nothing can be sent, ever, until an operator configures one); an SMTP server
 * that does not answer is a detail ({@code smtp: unreachable}), not DOWN, since it is the same for
 * every node and mails wait for it (retries). The data shows how mail goes out ({@code delivery}) and
 * each problem ({@code problem1}, ...).
 *
 * <p>Here and not beside the mail capability because WildFly 39 finds health checks of an EAR only
 * in its {@code lib/} jars.
 */
@Readiness
@ApplicationScoped
public class MailReadiness extends ReportedReadiness {

    public static final String NAME = "mail";

    public MailReadiness() {
        super(NAME, "delivery", "the mail capability has not started");
    }
}

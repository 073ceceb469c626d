package com.videoapi.portal.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the code channel's configuration is complete, as security-module reports it: it
 * chooses the channel at start-up and hands this check a {@link ChannelStatus} to ask at each probe
 * ({@link #watch}). DOWN until then, and whenever the status names a problem; the data shows the
 * channel, its details and each problem ({@code problem1}, {@code problem2}, ...).
 *
 * <p>It lives here and not beside the channel because WildFly 39 finds health checks of an EAR only
 * in its {@code lib/} jars, not in its EJB or web modules.
 */
@Readiness
@ApplicationScoped
public class VerificationChannelReadiness extends ReportedReadiness {

    public static final String NAME = "verification-channel";

    public VerificationChannelReadiness() {
        super(NAME, "channel", "no code channel chosen yet");
    }
}

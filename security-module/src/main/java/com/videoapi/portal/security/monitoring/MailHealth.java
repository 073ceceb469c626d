package com.videoapi.portal.security.monitoring;

import com.videoapi.portal.health.ChannelStatus;
import com.videoapi.portal.health.MailReadiness;
import com.videoapi.portal.security.mail.boundary.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Readiness;

/**
 * Hands health-module's {@link MailReadiness} the state of the mail session ({@link Outbox#status()}),
 * which it asks at each probe: DOWN only without a mail session; an SMTP server that does not answer is
 * a detail.
 */
@ApplicationScoped
public class MailHealth {

    @Inject
    Outbox outbox;

    @Inject
    @Readiness
    MailReadiness readiness;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        readiness.watch(this::status);
    }

    ChannelStatus status() {
        Outbox.MailStatus now = outbox.status();
        return new ChannelStatus(now.delivery(), now.details(), now.problems());
    }
}

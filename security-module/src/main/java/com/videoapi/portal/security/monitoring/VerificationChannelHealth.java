package com.videoapi.portal.security.monitoring;

import com.videoapi.portal.health.ChannelStatus;
import com.videoapi.portal.health.VerificationChannelReadiness;
import com.videoapi.portal.security.verification.boundary.CodeChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Readiness;

/**
 * Hands health-module's {@link VerificationChannelReadiness} the condition of the code channel
 * chosen at start-up ({@link CodeChannel}), which it asks at each probe: ready unless the
 * configuration is incomplete. Vonage slow or down is the same for every node and must not take
 * them all out of service (the {@code portal.verification.errors} meter shows it).
 */
@ApplicationScoped
public class VerificationChannelHealth {

    @Inject
    CodeChannel codeChannel;

    @Inject
    @Readiness
    VerificationChannelReadiness readiness;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        readiness.watch(this::status);
    }

    ChannelStatus status() {
        CodeChannel.Condition condition = codeChannel.condition();
        return new ChannelStatus(condition.channel().tag(), condition.details(), condition.problems());
    }
}

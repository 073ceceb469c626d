package com.videoapi.portal.security.monitoring;

import com.videoapi.portal.health.ChannelStatus;
import com.videoapi.portal.health.VerificationChannelReadiness;
import com.videoapi.portal.security.verification.boundary.CodeChannel;
import com.videoapi.portal.security.verification.boundary.SendCeilings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Readiness;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands health-module's {@link VerificationChannelReadiness} the condition of the code channel
 * chosen at start-up ({@link CodeChannel}), which it asks at each probe: ready unless the
 * configuration is incomplete. Vonage slow or down is the same for every node and must not take
 * them all out of service (the {@code portal.verification.errors} meter shows it). For the same
 * reason an SMS ceiling reached within the hour is a detail ({@code sms-enrolment-ceiling},
 * {@code sms-code-ceiling}), not DOWN.
 */
@ApplicationScoped
public class VerificationChannelHealth {

    @Inject
    CodeChannel codeChannel;

    @Inject
    SendCeilings ceilings;

    @Inject
    Clock clock;

    @Inject
    @Readiness
    VerificationChannelReadiness readiness;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        readiness.watch(this::status);
    }

    ChannelStatus status() {
        CodeChannel.Condition condition = codeChannel.condition();
        Map<String, String> details = new HashMap<>(condition.details());
        details.putAll(ceilings.details(clock.instant()));
        return new ChannelStatus(condition.channel().tag(), details, condition.problems());
    }
}

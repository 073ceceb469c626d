package com.videoapi.portal.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

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
public class VerificationChannelReadiness implements HealthCheck {

    public static final String NAME = "verification-channel";

    private volatile Supplier<ChannelStatus> status;

    /** Called once, when the channel has been chosen. */
    public void watch(Supplier<ChannelStatus> status) {
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        Supplier<ChannelStatus> source = status;
        if (source == null) {
            return response.down().withData("problem1", "no code channel chosen yet").build();
        }
        ChannelStatus now = source.get();
        response.withData("channel", now.channel());
        for (Map.Entry<String, String> detail : new TreeMap<>(now.details()).entrySet()) {
            response.withData(detail.getKey(), detail.getValue());
        }
        for (int i = 0; i < now.problems().size(); i++) {
            response.withData("problem" + (i + 1), now.problems().get(i));
        }
        return response.status(now.problems().isEmpty()).build();
    }
}

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
public class MailReadiness implements HealthCheck {

    public static final String NAME = "mail";

    private volatile Supplier<ChannelStatus> status;

    /** Called once, at start-up. */
    public void watch(Supplier<ChannelStatus> status) {
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        Supplier<ChannelStatus> source = status;
        if (source == null) {
            return response.down().withData("problem1", "the mail capability has not started").build();
        }
        ChannelStatus now = source.get();
        response.withData("delivery", now.channel());
        for (Map.Entry<String, String> detail : new TreeMap<>(now.details()).entrySet()) {
            response.withData(detail.getKey(), detail.getValue());
        }
        for (int i = 0; i < now.problems().size(); i++) {
            response.withData("problem" + (i + 1), now.problems().get(i));
        }
        return response.status(now.problems().isEmpty()).build();
    }
}

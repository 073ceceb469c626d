package com.videoapi.portal.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live whenever the application answers at all: deployed, with its beans up. Deliberately asks
 * nothing outside the process: a liveness probe that failed with the database would have an
 * orchestrator restart every healthy server during a database outage. The readiness checks
 * ({@link DatabaseReadiness}, {@link VerificationChannelReadiness}) say whether to send it work.
 */
@Liveness
@ApplicationScoped
public class ApplicationLiveness implements HealthCheck {

    public static final String NAME = "account-portal";

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up(NAME);
    }
}

package com.videoapi.portal.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The clock every time-based rule of the portal reads (code and lock expiry, trusted devices,
 * session lifetime): inject {@link Clock}, never call {@code Instant.now()}.
 *
 * <p>It is the system clock in UTC. Tests that must let a lock, a cooldown or a session expire
 * without waiting deploy a CDI alternative that replaces this producer; nothing here reads a test
 * setting.
 */
@ApplicationScoped
public class PortalClock {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}

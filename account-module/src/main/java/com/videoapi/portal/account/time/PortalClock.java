package com.videoapi.portal.account.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock every time-based rule of the portal reads (code and lock expiry, trusted devices,
 * session lifetime): inject {@link Clock}, never call {@code Instant.now()}.
 *
 * <p>It is the system clock, shifted by the system property {@code portal.clock.offset} (an ISO-8601
 * duration, default none), read at each tick so that it can be changed while the server runs
 * ({@code /system-property=portal.clock.offset:add(value=PT16M)}). A system property rather than a
 * MicroProfile Config value because config sources may cache. The integration tests use it to let a
 * lock, a cooldown or a session expire without waiting; an operator has no reason to set it.
 */
@ApplicationScoped
public class PortalClock {

    public static final String OFFSET_PROPERTY = "portal.clock.offset";

    @Produces
    Clock clock() {
        return new OffsetClock();
    }

    /** System time plus the configured offset. */
    static final class OffsetClock extends Clock {

        @Override
        public Instant instant() {
            return Instant.now().plus(offset());
        }

        static Duration offset() {
            String offset = System.getProperty(OFFSET_PROPERTY, "");
            return offset.isBlank() ? Duration.ZERO : Duration.parse(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("The portal keeps time in UTC");
        }
    }
}

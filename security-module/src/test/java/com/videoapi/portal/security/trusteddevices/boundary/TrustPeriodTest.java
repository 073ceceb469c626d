package com.videoapi.portal.security.trusteddevices.boundary;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code twofactor.trusted-device.lifetime}, and the whole days of earlier versions. */
class TrustPeriodTest {

    private static Duration periodOf(Duration lifetime, Integer legacyDays) {
        TrustedDevices devices = new TrustedDevices();
        devices.lifetime = lifetime;
        devices.legacyDays = Optional.ofNullable(legacyDays);
        return devices.trustPeriod();
    }

    @Test
    void the_lifetime_is_the_period() {
        assertEquals(Duration.ofHours(12), periodOf(Duration.ofHours(12), null));
    }

    @Test
    void an_installation_that_set_whole_days_keeps_its_period() {
        assertEquals(Duration.ofDays(7), periodOf(Duration.ofDays(30), 7));
    }

    @Test
    void a_period_shorter_than_a_minute_is_a_minute() {
        assertEquals(Duration.ofMinutes(1), periodOf(Duration.ofSeconds(5), null));
        assertEquals(Duration.ofMinutes(1), periodOf(Duration.ofDays(30), 0));
    }
}

package com.videoapi.portal.security.guards.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordSourceTest {

    private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void attempts_count_before_their_check_and_a_lock_starts_the_count_again() {
        PasswordSource source = new PasswordSource(UUID.randomUUID(), "192.0.2.1", T);
        for (int i = 1; i <= 10; i++) {
            assertEquals(i, source.countAttempt(T));
        }
        source.lock(T, Duration.ofMinutes(15));
        assertTrue(source.isLocked(T.plus(Duration.ofMinutes(14))));
        assertFalse(source.isLocked(T.plus(Duration.ofMinutes(15))));
        assertEquals(1, source.locksSoFar());
        assertEquals(1, source.countAttempt(T.plus(Duration.ofMinutes(16))));
    }

    @Test
    void a_right_password_lifts_the_lock_its_own_attempt_engaged_and_forgets_earlier_locks() {
        PasswordSource source = new PasswordSource(UUID.randomUUID(), "192.0.2.1", T);
        source.lock(T, Duration.ofMinutes(15));
        source.lock(T, Duration.ofMinutes(30));
        source.succeeded(T);
        assertFalse(source.isLocked(T));
        assertEquals(0, source.locksSoFar());
        assertEquals(1, source.countAttempt(T));
    }
}

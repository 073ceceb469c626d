package com.videoapi.portal.security.guards.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LockPolicyTest {

    private final LockPolicy policy = new LockPolicy(10, Duration.ofMinutes(15), Duration.ofDays(1));

    @Test
    void the_tenth_failure_in_a_row_locks_and_the_ninth_does_not() {
        assertFalse(policy.locksAt(9));
        assertTrue(policy.locksAt(10));
    }

    @Test
    void each_further_lock_lasts_twice_as_long() {
        assertEquals(Duration.ofMinutes(15), policy.lockAfter(0));
        assertEquals(Duration.ofMinutes(30), policy.lockAfter(1));
        assertEquals(Duration.ofMinutes(60), policy.lockAfter(2));
        assertEquals(Duration.ofMinutes(120), policy.lockAfter(3));
    }

    @Test
    void no_lock_lasts_longer_than_the_longest() {
        assertEquals(Duration.ofDays(1), policy.lockAfter(7));
        assertEquals(Duration.ofDays(1), policy.lockAfter(1_000));
    }

    @Test
    void a_policy_that_never_locks_or_never_ends_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new LockPolicy(0, Duration.ofMinutes(15), Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class, () -> new LockPolicy(10, Duration.ZERO, Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class, () -> new LockPolicy(10, Duration.ofHours(2), Duration.ofHours(1)));
    }
}

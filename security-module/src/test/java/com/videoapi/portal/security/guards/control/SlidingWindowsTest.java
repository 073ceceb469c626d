package com.videoapi.portal.security.guards.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlidingWindowsTest {

    private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");
    private final SlidingWindows perMinute = new SlidingWindows(Duration.ofMinutes(1));

    @Test
    void the_cap_holds_in_any_window_and_a_slot_frees_when_its_hit_leaves_it() {
        for (int i = 0; i < 3; i++) {
            assertTrue(perMinute.hit("192.0.2.1", 3, T.plusSeconds(10 * i)).isEmpty());
        }
        // The fourth within the minute is refused until the first hit (at T) is a minute old.
        assertEquals(Optional.of(Duration.ofSeconds(30)), perMinute.hit("192.0.2.1", 3, T.plusSeconds(30)));
        assertEquals(Optional.of(Duration.ofSeconds(1)), perMinute.hit("192.0.2.1", 3, T.plusSeconds(59)));
        assertTrue(perMinute.hit("192.0.2.1", 3, T.plusSeconds(60)).isEmpty());
        // Refused hits are not counted: the next slot frees when the hit at T+10 s leaves.
        assertEquals(Optional.of(Duration.ofSeconds(9)), perMinute.hit("192.0.2.1", 3, T.plusSeconds(61)));
    }

    @Test
    void each_address_has_its_own_count() {
        assertTrue(perMinute.hit("192.0.2.1", 1, T).isEmpty());
        assertTrue(perMinute.hit("192.0.2.1", 1, T).isPresent());
        assertTrue(perMinute.hit("192.0.2.2", 1, T).isEmpty());
    }

    @Test
    void hits_after_now_are_forgotten_when_the_clock_is_set_back() {
        assertTrue(perMinute.hit("192.0.2.1", 1, T.plus(Duration.ofDays(400))).isEmpty());
        assertTrue(perMinute.hit("192.0.2.1", 1, T).isEmpty());
    }

    @Test
    void a_lower_cap_applies_at_once() {
        for (int i = 0; i < 5; i++) {
            assertTrue(perMinute.hit("192.0.2.1", 20, T).isEmpty());
        }
        assertTrue(perMinute.hit("192.0.2.1", 5, T).isPresent());
    }
}

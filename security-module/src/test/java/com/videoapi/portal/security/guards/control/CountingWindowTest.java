package com.videoapi.portal.security.guards.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CountingWindowTest {

    private static final CountingWindow MINUTE = new CountingWindow(Duration.ofMinutes(1));
    private static final CountingWindow HOUR = new CountingWindow(Duration.ofHours(1));

    @Test
    void buckets_are_a_sixtieth_of_the_window_and_never_under_a_second() {
        assertEquals(Duration.ofSeconds(1), MINUTE.bucket());
        assertEquals(Duration.ofMinutes(1), HOUR.bucket());
        assertEquals(Duration.ofSeconds(1), new CountingWindow(Duration.ofSeconds(20)).bucket());
        assertThrows(IllegalArgumentException.class, () -> new CountingWindow(Duration.ZERO));
    }

    @Test
    void a_hit_is_summed_for_the_whole_window_and_at_most_one_bucket_longer() {
        Instant hit = Instant.parse("2026-11-30T09:00:00.400Z");
        Instant bucket = MINUTE.bucketOf(hit);
        assertEquals(Instant.parse("2026-11-30T09:00:00Z"), bucket);
        // Summed while the window's first bucket is at or before it...
        assertTrue(!MINUTE.since(hit.plusSeconds(60)).isAfter(bucket), "summed a minute later");
        assertTrue(!MINUTE.since(Instant.parse("2026-11-30T09:01:00.999Z")).isAfter(bucket));
        // ...and no longer once the window has moved past its bucket.
        assertTrue(MINUTE.since(Instant.parse("2026-11-30T09:01:01Z")).isAfter(bucket));
    }

    @Test
    void the_wait_ends_when_the_oldest_bucket_leaves_the_window() {
        Instant oldest = Instant.parse("2026-11-30T09:00:00Z");
        Instant now = Instant.parse("2026-11-30T09:00:20Z");
        Duration wait = MINUTE.until(oldest, now);
        assertEquals(Duration.ofSeconds(41), wait);
        assertTrue(MINUTE.since(now.plus(wait)).isAfter(oldest), "summed no more after the wait");
        assertTrue(!MINUTE.since(now.plus(wait).minusMillis(1)).isAfter(oldest), "still summed just before");
        assertEquals(Duration.ZERO, MINUTE.until(oldest, now.plusSeconds(3600)));
    }
}

package com.videoapi.portal.security.guards.control;

import java.time.Duration;
import java.time.Instant;

/**
 * At most a cap of requests in any {@code length} of time, counted in buckets of a sixtieth of it
 * (1 s for a minute, 1 min for an hour; never under a second): a check sums the buckets from the
 * one that holds {@code now - length} to the one that holds {@code now}, at most 61 rows, so the cap
 * holds in every window of that length, and a spent slot frees up one bucket later than exactly.
 * Buckets after {@code now} (a clock set back, as the tests do) are not summed.
 */
public record CountingWindow(Duration length) {

    private static final long SHORTEST_BUCKET_MILLIS = 1000;

    public CountingWindow {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("A window of " + length);
        }
    }

    public Duration bucket() {
        return Duration.ofMillis(Math.max(SHORTEST_BUCKET_MILLIS, length.toMillis() / 60));
    }

    /** The start of the bucket that holds {@code time}. */
    public Instant bucketOf(Instant time) {
        long millis = bucket().toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), millis) * millis);
    }

    /** The first bucket summed at {@code now}. */
    public Instant since(Instant now) {
        return bucketOf(now.minus(length));
    }

    /** How long until {@code bucketStart}, the oldest bucket summed, is summed no more. */
    public Duration until(Instant bucketStart, Instant now) {
        Duration wait = Duration.between(now, bucketStart.plus(bucket()).plus(length));
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}

package com.videoapi.portal.security.guards.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exact sliding-window counts of hits per key (a client address), in memory: at most {@code cap}
 * hits of one key in any {@code window}. Each key keeps at most {@code cap} instants, and keys with
 * nothing left in the window are swept now and then, so memory stays bounded by the traffic of one window.
 */
public final class SlidingWindows {

    private static final int SWEEP_EVERY = 1024;

    private final Duration window;
    private final Map<String, ArrayDeque<Instant>> hits = new ConcurrentHashMap<>();
    private final AtomicInteger sinceSweep = new AtomicInteger();

    public SlidingWindows(Duration window) {
        this.window = window;
    }

    /**
     * Counts a hit of {@code key} at {@code now}, unless the key has had {@code cap} in the window.
     *
     * @return empty when counted; else how long until the oldest hit leaves the window
     */
    public Optional<Duration> hit(String key, int cap, Instant now) {
        if (sinceSweep.incrementAndGet() >= SWEEP_EVERY) {
            sinceSweep.set(0);
            hits.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    forgetOutside(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
        ArrayDeque<Instant> mine = hits.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (mine) {
            forgetOutside(mine, now);
            if (mine.size() >= cap) {
                return Optional.of(Duration.between(now, mine.peekFirst().plus(window)));
            }
            mine.addLast(now);
            return Optional.empty();
        }
    }

    /** Drops hits older than the window, and any after {@code now} (a clock set back, as tests do). */
    private void forgetOutside(ArrayDeque<Instant> recent, Instant now) {
        Instant since = now.minus(window);
        recent.removeIf(t -> !t.isAfter(since) || t.isAfter(now));
    }
}

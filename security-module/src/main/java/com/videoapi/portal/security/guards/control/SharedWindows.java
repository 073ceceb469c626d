package com.videoapi.portal.security.guards.control;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Counts of requests per scope in a window of time, kept in the database so that every node of a
 * cluster sees the same count ({@link ThrottleCounters}, {@link CountingWindow}): what the throttles
 * per client address and the cooldowns that refuse someone count with. Exact under concurrency, and
 * the same cost however many requests came: one lock, at most 61 rows read, one row written.
 */
@ApplicationScoped
public class SharedWindows {

    /** Windows are at most a day long: the purge forgets a scope idle for longer than {@link #LONGEST_LOOKBACK}. */
    public static final Duration LONGEST_WINDOW = Duration.ofDays(1);
    public static final Duration LONGEST_LOOKBACK = LONGEST_WINDOW.plus(new CountingWindow(LONGEST_WINDOW).bucket());

    @Inject
    ThrottleCounters counters;

    @Inject
    Clock clock;

    /**
     * Counts a request of {@code scope} now, unless the scope has had {@code cap} in the last {@code window}.
     *
     * @return empty when counted; else how long until a slot frees up
     */
    public Optional<Duration> hit(String scope, Duration window, int cap) {
        if (window.compareTo(LONGEST_WINDOW) > 0) {
            throw new IllegalArgumentException("A window of " + window + " is longer than " + LONGEST_WINDOW);
        }
        CountingWindow counting = new CountingWindow(window);
        ThrottleCounters.Checked checked = counters.check(scope, counting, cap, clock.instant());
        if (!checked.anchored()) {
            try {
                counters.open(scope);
            } catch (EJBException raced) {
                // Another request, on this node or another, created it first: it exists now either way.
            }
            checked = counters.check(scope, counting, cap, clock.instant());
            if (!checked.anchored()) {
                throw new IllegalStateException("Throttle scope still missing after creating it");
            }
        }
        return checked.refusedFor();
    }

    /** Forgets up to {@code batch} scopes not counted in {@link #LONGEST_LOOKBACK}; how many went. */
    public int forgetIdle(int batch) {
        return counters.forgetIdle(clock.instant().minus(LONGEST_LOOKBACK), batch);
    }
}

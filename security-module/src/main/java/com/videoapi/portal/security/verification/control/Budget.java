package com.videoapi.portal.security.verification.control;

import java.time.Duration;
import java.time.Instant;

/**
 * At most {@code cap} codes in any {@code window} for one scope ({@code enrol:user:<id>}): one line
 * of a plan that {@link SendBudgets} makes for each code.
 *
 * <p>Counted in buckets, a sixth of an hourly window (10 minutes) or an hour of a daily one; a check
 * sums the buckets from the one that holds {@code now - window} to the one that holds {@code now} (at
 * most 7 or 25 rows), so the cap holds in every window of that length, and a spent slot frees up
 * one window to one bucket later. Buckets after {@code now} (a clock set back) are not summed.
 *
 * @param refusal    the answer when the cap is reached; null for a marker, which only counts
 * @param unlessSeen a marker scope: when it counted anything within its window, this budget neither
 *                   checks nor counts (a number already tried today is not a new distinct number)
 */
public record Budget(String scope, Duration window, long cap, Refusal refusal, String unlessSeen) {

    private static final Duration HOUR = Duration.ofHours(1);

    public static Budget of(String scope, Duration window, long cap, Refusal refusal) {
        return new Budget(scope, window, cap, refusal, null);
    }

    /** Counts without a cap: what {@code unlessSeen} asks about. */
    public static Budget marker(String scope, Duration window) {
        return new Budget(scope, window, Long.MAX_VALUE, null, null);
    }

    public Budget unlessSeen(String markerScope) {
        return new Budget(scope, window, cap, refusal, markerScope);
    }

    public Duration bucket() {
        return window.compareTo(HOUR) <= 0 ? window.dividedBy(6) : HOUR;
    }

    /** The start of the bucket that holds {@code time}. */
    public Instant bucketOf(Instant time) {
        long seconds = bucket().getSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(time.getEpochSecond(), seconds) * seconds);
    }

    /** The first bucket summed at {@code now}. */
    public Instant since(Instant now) {
        return bucketOf(now.minus(window));
    }
}

package com.videoapi.portal.security.mail.control;

import java.time.Duration;
import java.util.Optional;

/**
 * When to try a letter again after a failed attempt: the first delay, doubling up to the longest,
 * for at most {@code attempts} attempts in all.
 */
public record RetrySchedule(int attempts, Duration firstDelay, Duration longestDelay) {

    public RetrySchedule {
        if (attempts < 1 || firstDelay.isNegative() || longestDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("mail.retry.*: attempts at least 1, first delay not above the longest");
        }
    }

    /**
     * @param failedAttempt the attempt that failed, from 1
     * @return the wait before the next attempt, or empty when that was the last
     */
    public Optional<Duration> after(int failedAttempt) {
        if (failedAttempt >= attempts) {
            return Optional.empty();
        }
        Duration delay = firstDelay;
        for (int i = 1; i < failedAttempt && delay.compareTo(longestDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(delay.compareTo(longestDelay) > 0 ? longestDelay : delay);
    }
}

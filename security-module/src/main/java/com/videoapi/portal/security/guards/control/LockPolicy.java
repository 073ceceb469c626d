package com.videoapi.portal.security.guards.control;

import java.time.Duration;

/**
 * When consecutive failures lock a step, and for how long: after {@code threshold} failures in a row
 * the step is locked for {@code firstLock}, doubling with each further lock, up to {@code longestLock}
 * (NIST SP 800-63B 5.2.2 asks to limit failed attempts per account, whoever makes them).
 */
public record LockPolicy(int threshold, Duration firstLock, Duration longestLock) {

    public LockPolicy {
        if (threshold < 1 || firstLock.isNegative() || firstLock.isZero() || longestLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException("A lock policy needs threshold >= 1 and 0 < first lock <= longest lock");
        }
    }

    /** Whether this many consecutive failures lock the step now. */
    public boolean locksAt(int consecutiveFailures) {
        return consecutiveFailures >= threshold;
    }

    /** How long the lock lasts, given how many locks came before it. */
    public Duration lockAfter(int earlierLocks) {
        Duration lock = firstLock;
        for (int i = 0; i < earlierLocks && lock.compareTo(longestLock) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(longestLock) > 0 ? longestLock : lock;
    }
}

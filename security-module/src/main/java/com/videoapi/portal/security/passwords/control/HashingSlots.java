package com.videoapi.portal.security.passwords.control;

import com.videoapi.portal.security.guards.boundary.Throttled;
import com.videoapi.portal.security.guards.boundary.Throttled.Reason;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * At most as many PBKDF2 hashes at once as the server has cores, with a bounded queue behind them:
 * a flood of sign-ins (or sign-ups) cannot pile up request threads behind the CPU. A hash that would
 * wait longer than {@link #LONGEST_WAIT} (5 s), or find the queue full, is refused as
 * {@link Throttled} ({@link Reason#SERVER_BUSY}): the person reads "busy, try again in a moment".
 *
 * <p>The queue holds {@value #QUEUED_PER_SLOT} per slot: about what one slot hashes in 5 s at the
 * product's 600,000 iterations (150 ms a hash); a request beyond it could not be served in time anyway.
 */
@ApplicationScoped
public class HashingSlots {

    static final Duration LONGEST_WAIT = Duration.ofSeconds(5);
    static final int QUEUED_PER_SLOT = 32;

    private final Semaphore slots;
    private final int queueLength;
    private final Duration longestWait;
    private final AtomicInteger waiting = new AtomicInteger();

    public HashingSlots() {
        this(Runtime.getRuntime().availableProcessors(), QUEUED_PER_SLOT * Runtime.getRuntime().availableProcessors(),
                LONGEST_WAIT);
    }

    HashingSlots(int slots, int queueLength, Duration longestWait) {
        // Fair: the longest waiter is served first, so no request starves behind newer ones.
        this.slots = new Semaphore(slots, true);
        this.queueLength = queueLength;
        this.longestWait = longestWait;
    }

    /**
     * Runs {@code hash} in a free slot.
     *
     * @throws Throttled when no slot came free in time, or too many wait already
     */
    public <T> T run(Supplier<T> hash) {
        acquire();
        try {
            return hash.get();
        } finally {
            slots.release();
        }
    }

    private void acquire() {
        if (slots.tryAcquire()) {
            return;
        }
        if (waiting.incrementAndGet() > queueLength) {
            waiting.decrementAndGet();
            throw busy();
        }
        try {
            if (!slots.tryAcquire(longestWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw busy();
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Requests waiting for a slot now. */
    int waiting() {
        return waiting.get();
    }

    private Throttled busy() {
        return new Throttled(Reason.SERVER_BUSY, longestWait);
    }
}

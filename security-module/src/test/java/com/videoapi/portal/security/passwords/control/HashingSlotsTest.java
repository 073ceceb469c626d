package com.videoapi.portal.security.passwords.control;

import com.videoapi.portal.security.guards.boundary.Throttled;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashingSlotsTest {

    @Test
    void a_hash_that_waits_too_long_for_a_slot_is_refused_as_busy_and_runs_once_a_slot_is_free() throws Exception {
        HashingSlots slots = new HashingSlots(1, 4, Duration.ofMillis(200));
        CountDownLatch inSlot = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<String> long_ = thread.submit(() -> slots.run(() -> {
                inSlot.countDown();
                await(finish);
                return "first";
            }));
            assertTrue(inSlot.await(5, TimeUnit.SECONDS));
            long started = System.nanoTime();
            Throttled busy = assertThrows(Throttled.class, () -> slots.run(() -> "second"));
            assertEquals(Throttled.Reason.SERVER_BUSY, busy.reason());
            assertTrue(System.nanoTime() - started >= Duration.ofMillis(190).toNanos(), "waited for a slot first");
            finish.countDown();
            assertEquals("first", long_.get(5, TimeUnit.SECONDS));
            assertEquals("third", slots.run(() -> "third"));
        } finally {
            finish.countDown();
            thread.shutdownNow();
        }
    }

    @Test
    void with_the_queue_full_a_hash_is_refused_at_once() throws Exception {
        HashingSlots slots = new HashingSlots(1, 1, Duration.ofSeconds(10));
        CountDownLatch inSlot = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            threads.submit(() -> slots.run(() -> {
                inSlot.countDown();
                await(finish);
                return null;
            }));
            assertTrue(inSlot.await(5, TimeUnit.SECONDS));
            Future<String> queued = threads.submit(() -> slots.run(() -> "queued"));
            // The one place in the queue is taken once the second thread waits.
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (slots.waiting() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            long started = System.nanoTime();
            Throttled refused = assertThrows(Throttled.class, () -> slots.run(() -> "never"));
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(1).toNanos(), "refused without waiting");
            assertEquals(Throttled.Reason.SERVER_BUSY, refused.reason());
            finish.countDown();
            assertEquals("queued", queued.get(5, TimeUnit.SECONDS));
        } finally {
            finish.countDown();
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

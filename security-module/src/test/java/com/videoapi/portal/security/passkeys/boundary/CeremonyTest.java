package com.videoapi.portal.security.passkeys.boundary;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CeremonyTest {

    private static final Instant START = Instant.parse("2026-11-30T06:00:00Z");
    private static final byte[] CHALLENGE = {1, 2, 3};

    @Test
    void the_challenge_answers_one_response_only() {
        Ceremony ceremony = new Ceremony(CHALLENGE, "{}", START);
        assertArrayEquals(CHALLENGE, ceremony.take(START.plusSeconds(10)).orElseThrow());
        assertTrue(ceremony.take(START.plusSeconds(11)).isEmpty(), "spent");
    }

    @Test
    void an_old_ceremony_answers_none() {
        Ceremony ceremony = new Ceremony(CHALLENGE, "{}", START);
        assertTrue(ceremony.take(START.plus(Ceremony.LIFETIME)).isEmpty());
    }

    @Test
    void two_responses_racing_for_one_challenge_one_wins() throws Exception {
        Ceremony ceremony = new Ceremony(CHALLENGE, "{}", START);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Optional<byte[]>>> takes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            takes.add(threads.submit(() -> {
                go.await();
                return ceremony.take(START);
            }));
        }
        go.countDown();
        int won = 0;
        for (Future<Optional<byte[]>> take : takes) {
            won += take.get().isPresent() ? 1 : 0;
        }
        threads.shutdown();
        assertEquals(1, won);
    }
}

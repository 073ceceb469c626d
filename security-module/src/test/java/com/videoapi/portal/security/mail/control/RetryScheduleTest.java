package com.videoapi.portal.security.mail.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetryScheduleTest {

    @Test
    void doubles_from_the_first_delay_up_to_the_longest_then_gives_up() {
        RetrySchedule schedule = new RetrySchedule(6, Duration.ofSeconds(10), Duration.ofSeconds(60));
        assertEquals(Optional.of(Duration.ofSeconds(10)), schedule.after(1));
        assertEquals(Optional.of(Duration.ofSeconds(20)), schedule.after(2));
        assertEquals(Optional.of(Duration.ofSeconds(40)), schedule.after(3));
        assertEquals(Optional.of(Duration.ofSeconds(60)), schedule.after(4));
        assertEquals(Optional.of(Duration.ofSeconds(60)), schedule.after(5));
        assertEquals(Optional.empty(), schedule.after(6));
    }

    @Test
    void one_attempt_means_no_retry() {
        assertEquals(Optional.empty(), new RetrySchedule(1, Duration.ofSeconds(1), Duration.ofSeconds(1)).after(1));
    }

    @Test
    void refuses_a_schedule_that_makes_no_sense() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(0, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(3, Duration.ofSeconds(10), Duration.ofSeconds(1)));
    }
}

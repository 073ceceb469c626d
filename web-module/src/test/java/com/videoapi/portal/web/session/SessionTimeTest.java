package com.videoapi.portal.web.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the page warns before the session ends: 2 minutes before, never later than halfway. */
class SessionTimeTest {

    @Test
    void two_minutes_before_the_end_of_a_30_minute_session() {
        assertEquals(120, SessionTime.warnSeconds(30 * 60));
    }

    @Test
    void halfway_through_a_short_session() {
        assertEquals(20, SessionTime.warnSeconds(40));
    }

    @Test
    void at_least_20_seconds_to_answer_from_40_seconds_of_idle_time_on() {
        for (int idle = 40; idle <= 3600; idle++) {
            assertTrue(SessionTime.warnSeconds(idle) >= 20, "idle " + idle);
        }
    }
}

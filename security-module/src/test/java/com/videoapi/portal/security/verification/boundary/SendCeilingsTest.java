package com.videoapi.portal.security.verification.boundary;

import com.videoapi.portal.security.verification.control.Refusal;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SendCeilingsTest {

    private final SendCeilings ceilings = new SendCeilings();
    private final Instant nine = Instant.parse("2026-11-30T09:00:00Z");

    @Test
    void a_ceiling_under_attack_is_logged_once_an_hour_not_at_every_refused_code() {
        assertTrue(ceilings.reached(Refusal.ENROL_CEILING, nine));
        assertFalse(ceilings.reached(Refusal.ENROL_CEILING, nine.plusSeconds(1)));
        assertFalse(ceilings.reached(Refusal.ENROL_CEILING, nine.plus(Duration.ofMinutes(59))));
        assertTrue(ceilings.reached(Refusal.ENROL_CEILING, nine.plus(Duration.ofMinutes(60))));
        assertTrue(ceilings.reached(Refusal.CODE_CEILING, nine.plusSeconds(1)), "each ceiling on its own");
    }

    @Test
    void the_readiness_detail_shows_a_ceiling_for_an_hour_after_it_last_refused() {
        assertEquals(Map.of(), ceilings.details(nine));
        ceilings.reached(Refusal.ENROL_CEILING, nine);
        ceilings.reached(Refusal.ENROL_CEILING, nine.plus(Duration.ofMinutes(30)));
        assertEquals(Map.of("sms-enrolment-ceiling", "reached at 2026-11-30T09:30:00Z (twofactor.enrolment-sends-per-hour)"),
                ceilings.details(nine.plus(Duration.ofMinutes(80))));
        assertEquals(Map.of(), ceilings.details(nine.plus(Duration.ofMinutes(90))));
    }
}

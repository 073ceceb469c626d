package com.videoapi.portal.security.passkeys.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignatureCounterTest {

    @Test
    void a_counter_that_goes_forward_is_accepted() {
        assertTrue(SignatureCounter.accepts(0, 1));
        assertTrue(SignatureCounter.accepts(41, 42));
        assertTrue(SignatureCounter.accepts(41, 1000));
    }

    @Test
    void a_counter_that_stays_or_goes_back_is_a_clone() {
        assertFalse(SignatureCounter.accepts(42, 42));
        assertFalse(SignatureCounter.accepts(42, 41));
        assertFalse(SignatureCounter.accepts(42, 0), "an authenticator that counted stops counting: refused too");
    }

    @Test
    void an_authenticator_that_counts_nothing_reports_zero_each_time() {
        assertTrue(SignatureCounter.accepts(0, 0));
    }
}

package com.videoapi.portal.it.support;

import org.junit.jupiter.api.AfterEach;

import java.time.Duration;

/**
 * Base of the integration tests: clients of the portal that Maven deployed once for the whole run
 * (account-portal-under-test.ear: the EAR built, unchanged, plus the test clock; see integration-tests/pom.xml), on
 * WildFly or on Payara, driven with the {@link PortalSteps}. Nothing is deployed per class, so tests
 * may be grouped by feature as reads best.
 */
public abstract class PortalTest extends PortalSteps {

    private Duration clockShift = Duration.ZERO;

    /**
     * Moves the portal's clock forward (the test clock's offset, see {@link ServerClock}): a lock,
     * a cooldown or a session expires without waiting. Back to real time after each test.
     */
    protected void advanceServerClock(Duration by) {
        clockShift = clockShift.plus(by);
        ServerClock.shiftBy(clockShift);
    }

    /** Past the 30 s that must pass between two codes for the same purpose ({@code twofactor.resend-cooldown}). */
    protected void waitOutResendCooldown() {
        advanceServerClock(Duration.ofSeconds(31));
    }

    @AfterEach
    void resetServerClock() {
        if (!clockShift.isZero()) {
            clockShift = Duration.ZERO;
            ServerClock.shiftBy(Duration.ZERO);
        }
    }
}

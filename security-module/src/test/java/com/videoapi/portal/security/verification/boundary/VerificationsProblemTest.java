package com.videoapi.portal.security.verification.boundary;

import com.videoapi.portal.security.verification.control.VerificationFailure;
import com.videoapi.portal.security.verification.control.VerificationFailure.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every reason the channel gives maps to one message; operator problems look like an outage. */
class VerificationsProblemTest {

    @ParameterizedTest
    @CsvSource({
            "NOT_FOUND, EXPIRED",
            "EXPIRED_OR_USED_UP, EXPIRED",
            "ALREADY_RUNNING, ALREADY_SENT",
            "INVALID_NUMBER, INVALID_NUMBER",
            "RATE_LIMITED, RATE_LIMITED",
            "MISCONFIGURED, UNAVAILABLE",
            "UNAVAILABLE, UNAVAILABLE",
    })
    void each_reason_has_its_message(Reason reason, CodeProblem problem) {
        assertEquals(problem, Verifications.problemOf(new VerificationFailure(reason, 0, "test", null)));
    }
}

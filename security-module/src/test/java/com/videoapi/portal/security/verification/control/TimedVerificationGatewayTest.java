package com.videoapi.portal.security.verification.control;

import com.videoapi.portal.security.verification.boundary.VerificationCall;
import com.videoapi.portal.security.verification.boundary.VerificationCall.Operation;
import com.videoapi.portal.security.verification.boundary.Channel;
import com.videoapi.portal.security.verification.control.VerificationGateway.CodeCheck;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimedVerificationGatewayTest {

    private final List<VerificationCall> reported = new ArrayList<>();

    /** A channel that answers as told. */
    private static final class Scripted implements VerificationGateway {
        VerificationFailure failure;
        RuntimeException bug;
        CodeCheck check = CodeCheck.CONFIRMED;

        @Override
        public String start(String e164Number, Locale language) throws VerificationFailure {
            answer();
            return "request-1";
        }

        @Override
        public String call(String e164Number, Locale language) throws VerificationFailure {
            answer();
            return "call-1";
        }

        @Override
        public CodeCheck check(String requestId, String code) throws VerificationFailure {
            answer();
            return check;
        }

        @Override
        public void cancel(String requestId) {
            if (bug != null) {
                throw bug;
            }
        }

        private void answer() throws VerificationFailure {
            if (failure != null) {
                throw failure;
            }
            if (bug != null) {
                throw bug;
            }
        }
    }

    private final Scripted channel = new Scripted();
    private final VerificationGateway timed = new TimedVerificationGateway(channel, Channel.VONAGE, reported::add);

    @Test
    void a_code_sent_is_reported_with_its_duration() throws VerificationFailure {
        assertEquals("request-1", timed.start("+447700900000", Locale.UK));

        VerificationCall call = reported.get(0);
        assertEquals(new VerificationCall(Channel.VONAGE, Operation.START, "sent", false, 0, call.took()), call);
        assertFalse(call.took().isNegative());
    }

    @Test
    void a_call_is_reported_as_a_start_and_its_failure_with_its_status() {
        assertDoesNotThrow(() -> assertEquals("call-1", timed.call("+447700900000", Locale.UK)));
        channel.failure = new VerificationFailure(VerificationFailure.Reason.ALREADY_RUNNING, 409, "running", null);
        assertThrows(VerificationFailure.class, () -> timed.call("+447700900000", Locale.UK));

        assertEquals(List.of(Operation.START, Operation.START), reported.stream().map(VerificationCall::operation).toList());
        assertEquals(List.of("sent", "already_running"), reported.stream().map(VerificationCall::outcome).toList());
        assertEquals(409, reported.get(1).httpStatus());
    }

    @Test
    void checks_are_reported_by_outcome() throws VerificationFailure {
        assertEquals(CodeCheck.CONFIRMED, timed.check("request-1", "123456"));
        channel.check = CodeCheck.WRONG_CODE;
        assertEquals(CodeCheck.WRONG_CODE, timed.check("request-1", "123457"));

        assertEquals(List.of("confirmed", "wrong_code"), reported.stream().map(VerificationCall::outcome).toList());
        assertTrue(reported.stream().noneMatch(VerificationCall::failed));
    }

    @Test
    void a_failure_is_reported_with_its_reason_and_status_and_thrown_unchanged() {
        channel.failure = new VerificationFailure(VerificationFailure.Reason.MISCONFIGURED, 401, "refused", null);

        VerificationFailure thrown = assertThrows(VerificationFailure.class, () -> timed.start("+447700900000", Locale.UK));

        assertSame(channel.failure, thrown);
        VerificationCall call = reported.get(0);
        assertEquals("misconfigured", call.outcome());
        assertTrue(call.failed());
        assertEquals(401, call.httpStatus());
    }

    @Test
    void an_undeclared_exception_is_reported_as_error_and_cancel_still_never_throws() {
        channel.bug = new IllegalStateException("bug");

        assertThrows(IllegalStateException.class, () -> timed.check("request-1", "123456"));
        timed.cancel("request-1");

        assertEquals(List.of("error", "error"), reported.stream().map(VerificationCall::outcome).toList());
        assertEquals(List.of(Operation.CHECK, Operation.CANCEL), reported.stream().map(VerificationCall::operation).toList());
    }

    @Test
    void a_report_that_fails_changes_nothing() throws VerificationFailure {
        VerificationGateway timedBadly = new TimedVerificationGateway(channel, Channel.DEVELOPMENT, call -> {
            throw new IllegalStateException("observer broke");
        });

        assertEquals("request-1", timedBadly.start("+447700900000", Locale.UK));
        assertEquals(CodeCheck.CONFIRMED, timedBadly.check("request-1", "123456"));
    }
}

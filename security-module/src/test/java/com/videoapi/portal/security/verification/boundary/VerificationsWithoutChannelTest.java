package com.videoapi.portal.security.verification.boundary;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.verification.control.Admission;
import com.videoapi.portal.security.verification.control.SendBudgets;
import com.videoapi.portal.security.verification.control.VonageSettings;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A server with no usable code channel refuses every code as {@link CodeProblem#NO_CHANNEL} ("Codes
 * can't be sent right now"), before the cooldown and the budgets: nothing is counted or locked.
 */
class VerificationsWithoutChannelTest {

    private final List<SmsOutcome> outcomes = new ArrayList<>();
    private final List<String> audited = new ArrayList<>();

    private Verifications verifications() {
        Verifications verifications = new Verifications();
        verifications.codeChannel = Channels.codeChannel("vonage", new VonageSettings(null, null, null, null, null, null, null));
        verifications.guards = new Guards() {
            @Override
            public void exclusive(UUID userId) {
                throw new AssertionError("no row lock: nothing can be sent");
            }
        };
        verifications.budgets = new SendBudgets() {
            @Override
            public Admission admitCode(UUID userId, PhoneNumber number) {
                throw new AssertionError("no budget is asked: nothing can be sent");
            }

            @Override
            public Admission admitEnrolment(UUID userId, PhoneNumber number, String clientAddress, boolean emailVerified) {
                throw new AssertionError("no budget is asked: nothing can be sent");
            }
        };
        verifications.events = new SecurityEvents() {
            @Override
            public void fire(Kind kind, UUID userId, String maskedNumber, String detail) {
                audited.add(kind + " " + maskedNumber + " (" + detail + ")");
            }
        };
        verifications.outcomes = new Recorded<>(outcomes);
        return verifications;
    }

    @Test
    void enrolment_and_sign_in_codes_are_refused_with_no_channel_and_counted_as_such() {
        PhoneNumber number = PhoneNumber.ofE164("+447400123456");
        UUID user = UUID.randomUUID();

        StartedVerification enrolment = verifications().start(user, Purpose.ENROL, number, Locale.ENGLISH);
        StartedVerification signIn = verifications().resend(user, Purpose.SIGN_IN, number, Locale.ENGLISH);

        assertFalse(enrolment.wasSent());
        assertEquals(CodeProblem.NO_CHANNEL, enrolment.problem());
        assertEquals(CodeProblem.NO_CHANNEL, signIn.problem());
        assertEquals(List.of(SmsOutcome.refused(Purpose.ENROL, "no_channel"), SmsOutcome.refused(Purpose.SIGN_IN, "no_channel")),
                outcomes);
        assertEquals("CODE_NOT_SENT +44 •••• ••3456 (no code channel)", audited.get(0));
    }

    /** A CDI event that keeps what was fired. */
    private record Recorded<T>(List<T> fired) implements Event<T> {
        @Override
        public void fire(T event) {
            fired.add(event);
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<T> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}

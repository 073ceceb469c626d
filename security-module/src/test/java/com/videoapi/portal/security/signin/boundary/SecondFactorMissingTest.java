package com.videoapi.portal.security.signin.boundary;

import com.videoapi.portal.account.phones.boundary.PhoneNumber;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.audit.boundary.SecurityEvents;
import com.videoapi.portal.security.guards.boundary.Guards;
import com.videoapi.portal.security.methods.boundary.SecondFactorMethods;
import com.videoapi.portal.security.passwordreset.boundary.PasswordResets;
import com.videoapi.portal.security.signin.control.CheckedPassword;
import com.videoapi.portal.security.signin.control.PasswordAttempts;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDevices;
import com.videoapi.portal.security.twofactor.boundary.SignInMethod;
import com.videoapi.portal.security.twofactor.boundary.TwoFactor;
import com.videoapi.portal.security.verification.boundary.Purpose;
import com.videoapi.portal.security.verification.boundary.StartedVerification;
import com.videoapi.portal.security.verification.boundary.Verifications;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 2FA on with no stored number (an account-module row gone, a half-finished repair) is never
 * "password only": the right password is refused, and the operator reads why at ERROR.
 */
class SecondFactorMissingTest {

    private static final UUID USER = UUID.fromString("0b6f8a52-3c1d-4e2f-9a8b-7c6d5e4f3a21");

    private final List<LogRecord> logged = new ArrayList<>();
    private final List<String> audited = new ArrayList<>();
    private final Logger log = Logger.getLogger("com.videoapi.portal.security");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private boolean enabled;
    private boolean hasPasskey;
    private Optional<PhoneNumber> number = Optional.empty();

    @BeforeEach
    void listen() {
        log.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(capture);
    }

    private RightPasswords rightPasswords() {
        RightPasswords signIns = new RightPasswords();
        signIns.attempts = new PasswordAttempts() {
            @Override
            public void right(CheckedPassword checked) {
                audited.add("right password of " + checked.userId());
            }
        };
        signIns.twoFactor = new TwoFactor() {
            @Override
            public boolean isEnabled(UUID userId) {
                return enabled;
            }

            @Override
            public Optional<PhoneNumber> numberOf(UUID userId) {
                return enabled ? number : Optional.empty();
            }
        };
        signIns.trustedDevices = new TrustedDevices() {
            @Override
            public Recognition recognise(UUID userId, String cookieValue) {
                return new Recognition(false, null, null);
            }

            @Override
            public Duration trustPeriod() {
                return Duration.ofDays(30);
            }
        };
        signIns.verifications = new Verifications() {
            @Override
            public StartedVerification start(UUID userId, Purpose purpose, PhoneNumber to, Locale language) {
                throw new AssertionError("no code may be started: there is no number");
            }
        };
        signIns.guards = new Guards() {
            @Override
            public long sessionEpoch(UUID userId) {
                return 0;
            }
        };
        signIns.passwordResets = new PasswordResets() {
            @Override
            public boolean isDemanded(UUID userId) {
                return false;
            }
        };
        signIns.events = new SecurityEvents() {
            @Override
            public void fire(Kind kind, UUID userId, String maskedNumber, String detail) {
                audited.add(kind + ": " + detail);
            }

            @Override
            public void fireWithChange(Kind kind, UUID userId, String maskedNumber, String detail) {
                audited.add(kind + ": " + detail);
            }
        };
        // The default method as SecondFactorMethods chooses it from what the user has: a passkey first, else the number.
        signIns.methods = new SecondFactorMethods() {
            @Override
            public Set<SignInMethod> of(UUID userId) {
                Set<SignInMethod> held = EnumSet.noneOf(SignInMethod.class);
                if (enabled && hasPasskey) {
                    held.add(SignInMethod.PASSKEY);
                }
                if (enabled && number.isPresent()) {
                    held.add(SignInMethod.SMS);
                }
                return held;
            }

            @Override
            public Optional<SignInMethod> defaultOf(UUID userId, Set<SignInMethod> held) {
                return held.contains(SignInMethod.PASSKEY) ? Optional.of(SignInMethod.PASSKEY) : held.stream().findFirst();
            }
        };
        signIns.clock = Clock.fixed(Instant.parse("2026-11-30T05:00:00Z"), ZoneOffset.UTC);
        return signIns;
    }

    private SignInStep rightPassword(String deviceCookie) {
        return rightPasswords().next(new CheckedPassword(true, USER, "ada@example.com", "192.0.2.1", 0L, "stored", null),
                deviceCookie, Locale.ENGLISH);
    }

    @Test
    void two_factor_on_without_a_number_refuses_the_right_password_and_tells_the_operator_at_error() {
        enabled = true;

        SignInStep step = rightPassword("some-device.cookie-that-is-not-trusted");

        assertInstanceOf(SignInStep.SecondFactorMissing.class, step);
        assertTrue(logged.stream().anyMatch(r -> r.getLevel() == Level.SEVERE && r.getMessage().contains(USER.toString())
                && r.getMessage().contains("no verified number is stored")), "an ERROR naming the user: " + logged);
        assertEquals(List.of("right password of " + USER, "CODE_NOT_SENT: sign-in refused: 2FA on without a stored number"), audited);
    }

    @Test
    void two_factor_off_still_signs_in_with_the_password() {
        enabled = false;

        SignInStep step = rightPassword(null);

        assertInstanceOf(SignInStep.SignedIn.class, step);
        assertTrue(logged.stream().noneMatch(r -> r.getLevel() == Level.SEVERE), logged.toString());
    }

    @Test
    void a_passkey_stands_in_for_the_missing_number_offered_as_the_second_step_never_skipped() {
        enabled = true;
        hasPasskey = true;

        SignInStep step = rightPassword(null);

        SignInStep.PasskeyOffered offered = assertInstanceOf(SignInStep.PasskeyOffered.class, step);
        assertEquals(USER, offered.pending().userId());
        assertTrue(!offered.pending().codeWasSent() && offered.pending().problem() == null, "no code sent, none refused");
        // What the code pages offer travels with the sign-in: the passkey, no app, the trust period.
        assertEquals(new PendingSignIn.Offers(false, true, 30), offered.pending().offers());
        assertTrue(logged.stream().noneMatch(r -> r.getLevel() == Level.SEVERE), logged.toString());
    }
}

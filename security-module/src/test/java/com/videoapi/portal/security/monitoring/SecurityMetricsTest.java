package com.videoapi.portal.security.monitoring;

import com.videoapi.portal.security.audit.boundary.SecurityEvent;
import com.videoapi.portal.security.audit.boundary.SecurityEvent.Kind;
import com.videoapi.portal.security.trusteddevices.boundary.TrustedDevices;
import com.videoapi.portal.security.verification.boundary.VerificationCall;
import com.videoapi.portal.security.verification.boundary.VerificationCall.Operation;
import com.videoapi.portal.security.verification.boundary.Channel;
import com.videoapi.portal.security.verification.boundary.Channels;
import com.videoapi.portal.security.verification.boundary.Purpose;
import com.videoapi.portal.security.verification.boundary.SmsOutcome;
import com.videoapi.portal.security.verification.control.VonageSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecurityMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ExecutorService threads = Executors.newSingleThreadExecutor();
    private long activeDevices = 3;
    private final SecurityMetrics metrics = new SecurityMetrics();

    @BeforeEach
    void start() {
        metrics.registry = registry;
        metrics.codeChannel = Channels.codeChannel("vonage", new VonageSettings("k", "s", null, null, null, null, null));
        metrics.trustedDevices = new TrustedDevices() {
            @Override
            public long countActive() {
                return activeDevices;
            }
        };
        metrics.executor = ManagedExecutors.over(threads);
        metrics.onStart(new Object());
    }

    private double counted(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    private static SecurityEvent event(Kind kind) {
        return new SecurityEvent(Instant.now(), kind, UUID.randomUUID(), null, "127.0.0.1", "test", null);
    }

    @Test
    void the_meters_are_there_at_zero_before_anything_happens() {
        assertEquals(0, counted(SecurityMetrics.SIGN_INS, "step", "password", "outcome", "failed"));
        assertEquals(0, counted(SecurityMetrics.SIGN_INS, "step", "trusted_device", "outcome", "succeeded"));
        assertEquals(0, counted(SecurityMetrics.CODES_SENT, "channel", "vonage"));
        assertEquals(0, counted(SecurityMetrics.LOCKS));
        assertNotNull(registry.find(SecurityMetrics.TRUSTED_DEVICES).gauge());
    }

    @Test
    void codes_sent_are_counted_by_purpose_and_region_and_refusals_by_reason() {
        assertEquals(0, counted(SecurityMetrics.SMS_REFUSED, "reason", "enrol_ceiling"), "there before anything happens");
        metrics.on(SmsOutcome.sent(Purpose.ENROL, "GB"));
        metrics.on(SmsOutcome.sent(Purpose.SIGN_IN, "GB"));
        metrics.on(SmsOutcome.sent(Purpose.SIGN_IN, "GB"));
        metrics.on(SmsOutcome.refused(Purpose.ENROL, "region"));
        metrics.on(SmsOutcome.refused(Purpose.ENROL, "enrol_ceiling"));

        assertEquals(1, counted(SecurityMetrics.SMS_SENT, "purpose", "enrol", "region", "GB"));
        assertEquals(2, counted(SecurityMetrics.SMS_SENT, "purpose", "sign_in", "region", "GB"));
        assertEquals(1, counted(SecurityMetrics.SMS_REFUSED, "reason", "region"));
        assertEquals(1, counted(SecurityMetrics.SMS_REFUSED, "reason", "enrol_ceiling"));
    }

    @Test
    void sign_in_steps_and_locks_are_counted_from_security_events() {
        metrics.on(event(Kind.SIGN_IN_PASSWORD_SUCCEEDED));
        metrics.on(event(Kind.SIGN_IN_PASSWORD_FAILED));
        metrics.on(event(Kind.SIGN_IN_PASSWORD_FAILED));
        metrics.on(event(Kind.SIGN_IN_CODE_FAILED));
        metrics.on(event(Kind.SIGN_IN_CODE_SUCCEEDED));
        metrics.on(event(Kind.SIGN_IN_TRUSTED_DEVICE));
        metrics.on(event(Kind.LOCKED));
        metrics.on(event(Kind.DEVICE_REVOKED));

        assertEquals(1, counted(SecurityMetrics.SIGN_INS, "step", "password", "outcome", "succeeded"));
        assertEquals(2, counted(SecurityMetrics.SIGN_INS, "step", "password", "outcome", "failed"));
        assertEquals(1, counted(SecurityMetrics.SIGN_INS, "step", "code", "outcome", "failed"));
        assertEquals(1, counted(SecurityMetrics.SIGN_INS, "step", "code", "outcome", "succeeded"));
        assertEquals(1, counted(SecurityMetrics.SIGN_INS, "step", "trusted_device", "outcome", "succeeded"));
        assertEquals(1, counted(SecurityMetrics.LOCKS));
        assertEquals(2, counted(SecurityMetrics.SECURITY_EVENTS, "kind", "SIGN_IN_PASSWORD_FAILED"));
        assertEquals(1, counted(SecurityMetrics.SECURITY_EVENTS, "kind", "DEVICE_REVOKED"));
    }

    @Test
    void channel_calls_are_timed_and_codes_sent_checks_and_errors_counted() {
        metrics.on(new VerificationCall(Channel.VONAGE, Operation.START, "sent", false, 0, Duration.ofMillis(120)));
        metrics.on(new VerificationCall(Channel.VONAGE, Operation.START, "unavailable", true, 503, Duration.ofMillis(80)));
        metrics.on(new VerificationCall(Channel.VONAGE, Operation.START, "unavailable", true, 0, Duration.ofSeconds(10)));
        metrics.on(new VerificationCall(Channel.VONAGE, Operation.CHECK, "wrong_code", false, 0, Duration.ofMillis(90)));
        metrics.on(new VerificationCall(Channel.VONAGE, Operation.CHECK, "confirmed", false, 0, Duration.ofMillis(90)));

        assertEquals(1, counted(SecurityMetrics.CODES_SENT, "channel", "vonage"));
        assertEquals(1, counted(SecurityMetrics.CODE_CHECKS, "outcome", "wrong_code"));
        assertEquals(1, counted(SecurityMetrics.CODE_CHECKS, "outcome", "confirmed"));
        assertEquals(1, counted(SecurityMetrics.CHANNEL_ERRORS, "operation", "start", "status", "503", "reason", "unavailable"));
        assertEquals(1, counted(SecurityMetrics.CHANNEL_ERRORS, "operation", "start", "status", "none"));
        var startTimer = registry.get(SecurityMetrics.CHANNEL_CALLS).tags("operation", "start", "outcome", "unavailable").timer();
        assertEquals(2, startTimer.count());
        assertEquals(10_080, startTimer.totalTime(TimeUnit.MILLISECONDS), 1);
    }

    @Test
    void trusted_devices_are_counted_in_the_background_at_most_every_thirty_seconds() throws InterruptedException {
        double gauge = registry.get(SecurityMetrics.TRUSTED_DEVICES).gauge().value(); // asks for a count
        assertTrue(Double.isNaN(gauge) || gauge == 3, "NaN until the first count: " + gauge);
        threads.shutdown();
        assertTrue(threads.awaitTermination(5, TimeUnit.SECONDS));

        activeDevices = 4;
        assertEquals(3, registry.get(SecurityMetrics.TRUSTED_DEVICES).gauge().value(), "the count is kept");
    }
}

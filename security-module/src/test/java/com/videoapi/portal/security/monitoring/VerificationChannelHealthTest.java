package com.videoapi.portal.security.monitoring;

import com.videoapi.portal.health.ChannelStatus;
import com.videoapi.portal.security.verification.boundary.Channels;
import com.videoapi.portal.security.verification.boundary.SendCeilings;
import com.videoapi.portal.security.verification.control.VonageSettings;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the readiness check is told about the code channel chosen at start-up. */
class VerificationChannelHealthTest {

    private static ChannelStatus statusOf(String twofactorChannel, VonageSettings settings) {
        VerificationChannelHealth health = new VerificationChannelHealth();
        health.codeChannel = Channels.codeChannel(twofactorChannel, settings);
        health.ceilings = new SendCeilings();
        health.clock = Clock.fixed(Instant.parse("2026-11-30T05:00:00Z"), ZoneOffset.UTC);
        return health.status();
    }

    @Test
    void a_server_without_credentials_and_without_the_setting_reports_no_channel_with_its_reason() {
        ChannelStatus status = statusOf("vonage", new VonageSettings(null, null, null, null, null, null, null));

        assertEquals("none", status.channel());
        assertEquals(List.of("twofactor.channel is vonage, but no Vonage credentials are set (vonage.api-key and"
                + " vonage.api-secret, or vonage.application-id and vonage.private-key-path): codes can't be sent"),
                status.problems());
    }

    @Test
    void the_test_servers_credentials_report_vonage_without_problems() {
        ChannelStatus status = statusOf("vonage", new VonageSettings("test-key", "test-secret", null, null, null, null, null));

        assertEquals("vonage", status.channel());
        assertEquals(List.of(), status.problems());
    }
}

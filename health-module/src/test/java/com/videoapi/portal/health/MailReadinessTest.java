package com.videoapi.portal.health;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MailReadinessTest {

    private final MailReadiness readiness = new MailReadiness();

    private static Map<String, Object> data(HealthCheckResponse response) {
        return response.getData().orElse(Map.of());
    }

    @Test
    void before_the_mail_capability_starts_it_is_not_ready() {
        assertEquals(Status.DOWN, readiness.call().getStatus());
        assertEquals("mail", readiness.call().getName());
    }

    @Test
    void an_unreachable_smtp_server_is_a_detail_not_down() {
        readiness.watch(() -> new ChannelStatus("smtp", Map.of("smtp", "unreachable"), List.of()));
        HealthCheckResponse response = readiness.call();
        assertEquals(Status.UP, response.getStatus());
        assertEquals(Map.of("delivery", "smtp", "smtp", "unreachable"), data(response));
    }

    @Test
    void no_mail_session_at_all_is_down_and_says_why() {
        readiness.watch(() -> new ChannelStatus("smtp", Map.of(), List.of("no mail session at java:jboss/mail/Portal")));
        HealthCheckResponse response = readiness.call();
        assertEquals(Status.DOWN, response.getStatus());
        assertEquals("no mail session at java:jboss/mail/Portal", data(response).get("problem1"));
    }
}

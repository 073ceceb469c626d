package com.videoapi.portal.health;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VerificationChannelReadinessTest {

    private final VerificationChannelReadiness readiness = new VerificationChannelReadiness();

    private static Map<String, Object> data(HealthCheckResponse response) {
        return response.getData().orElse(Map.of());
    }

    @Test
    void before_a_channel_is_chosen_it_is_not_ready() {
        HealthCheckResponse response = readiness.call();

        assertEquals(Status.DOWN, response.getStatus());
        assertEquals("verification-channel", response.getName());
        assertEquals("no code channel chosen yet", data(response).get("problem1"));
    }

    @Test
    void a_channel_without_problems_is_ready_and_shows_its_details() {
        readiness.watch(() -> new ChannelStatus("vonage", Map.of("authentication", "api key (Basic)"), List.of()));

        HealthCheckResponse response = readiness.call();

        assertEquals(Status.UP, response.getStatus());
        assertEquals(Map.of("channel", "vonage", "authentication", "api key (Basic)"), data(response));
    }

    @Test
    void each_problem_is_listed_and_makes_it_not_ready_at_the_next_probe() {
        List<String> problems = new ArrayList<>();
        readiness.watch(() -> new ChannelStatus("development", Map.of(), problems));
        assertEquals(Status.UP, readiness.call().getStatus());

        problems.add("vonage.api-key is set without vonage.api-secret");
        problems.add("vonage.application-id is set without vonage.private-key-path");
        HealthCheckResponse response = readiness.call();

        assertEquals(Status.DOWN, response.getStatus());
        assertEquals("vonage.api-key is set without vonage.api-secret", data(response).get("problem1"));
        assertEquals("vonage.application-id is set without vonage.private-key-path", data(response).get("problem2"));
    }

    @Test
    void no_usable_code_channel_is_not_ready_and_says_why() {
        String why = "twofactor.channel is vonage, but no Vonage credentials are set (vonage.api-key and vonage.api-secret,"
                + " or vonage.application-id and vonage.private-key-path): codes can't be sent";
        readiness.watch(() -> new ChannelStatus("none", Map.of("note", "codes can't be sent: every code is refused"),
                List.of(why)));

        HealthCheckResponse response = readiness.call();

        assertEquals(Status.DOWN, response.getStatus());
        assertEquals(Map.of("channel", "none", "note", "codes can't be sent: every code is refused", "problem1", why),
                data(response));
    }
}

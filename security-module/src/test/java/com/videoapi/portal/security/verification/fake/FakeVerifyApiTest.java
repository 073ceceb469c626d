package com.videoapi.portal.security.verification.fake;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts of the fake's contract that the SDK does not show: its answers on the wire. */
class FakeVerifyApiTest {

    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("key:secret".getBytes());
    private static final String START = "{\"brand\":\"Test\",\"code_length\":6,\"workflow\":[{\"channel\":\"sms\",\"to\":\"447700900003\"}]}";

    private static FakeVerifyApi fake;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        fake = FakeVerifyApi.start();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @BeforeEach
    void reset() {
        fake.reset();
    }

    private HttpResponse<String> post(String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listens_on_loopback_only() {
        assertTrue(fake.baseUrl().startsWith("http://127.0.0.1:"), fake.baseUrl());
    }

    @Test
    void without_credentials_it_answers_401_problem_json_and_sends_nothing() throws Exception {
        for (String authorization : new String[] {null, "Basic !!!", "Basic " + Base64.getEncoder().encodeToString("key".getBytes()), "Bearer x"}) {
            HttpResponse<String> response = post("/v2/verify", authorization, START);

            assertEquals(401, response.statusCode(), String.valueOf(authorization));
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(null));
            for (String member : new String[] {"\"type\"", "\"title\"", "\"detail\"", "\"instance\""}) {
                assertTrue(response.body().contains(member), response.body());
            }
        }
        assertTrue(fake.codesSent().isEmpty());
        assertEquals(4, fake.requestsReceived().size());
    }

    @Test
    void start_answers_202_with_a_request_id_and_409_while_it_runs() throws Exception {
        HttpResponse<String> first = post("/v2/verify", BASIC, START);
        assertEquals(202, first.statusCode());
        String requestId = fake.codesSent().get(0).requestId();
        assertEquals("{\"request_id\":\"" + requestId + "\"}", first.body());

        HttpResponse<String> second = post("/v2/verify", BASIC, START);
        assertEquals(409, second.statusCode());
        assertTrue(second.body().contains("\"request_id\":\"" + requestId + "\""), second.body());
    }

    @Test
    void a_start_that_verify_would_refuse_is_422() throws Exception {
        assertEquals(422, post("/v2/verify", BASIC, START.replace("447700900003", "+447700900003")).statusCode());
        assertEquals(422, post("/v2/verify", BASIC, START.replace("Test", "Far too long a brand name")).statusCode());
        assertEquals(422, post("/v2/verify", BASIC, START.replace("sms", "whatsapp")).statusCode());
        assertEquals(422, post("/v2/verify", BASIC, "not json").statusCode());
        assertTrue(fake.codesSent().isEmpty());
    }

    @Test
    void a_voice_workflow_reads_a_code_out_and_records_its_channel() throws Exception {
        assertEquals(202, post("/v2/verify", BASIC, START.replace("sms", "voice")).statusCode());
        assertEquals(409, post("/v2/verify", BASIC, START).statusCode(), "one verification per number, whatever the channel");

        FakeVerifyApi.SentCode call = fake.codesSent().get(0);
        assertEquals("voice", call.channel());
        assertEquals(6, call.code().length());
        assertEquals(call.code(), fake.lastCodeSentTo("+447700900003"));
    }

    @Test
    void a_failure_can_be_asked_for_several_requests_in_a_row() throws Exception {
        fake.failNextWith(409, 2);
        assertEquals(409, post("/v2/verify", BASIC, START).statusCode());
        assertEquals(409, post("/v2/verify", BASIC, START).statusCode());
        assertEquals(202, post("/v2/verify", BASIC, START).statusCode());
    }

    @Test
    void each_control_applies_to_the_next_request_only() throws Exception {
        fake.failNextWith(503);
        assertEquals(503, post("/v2/verify", BASIC, START).statusCode());
        assertTrue(fake.codesSent().isEmpty(), "a failed request changes nothing");

        fake.answerNextWithGarbage();
        HttpResponse<String> garbage = post("/v2/verify", BASIC, START);
        assertTrue(garbage.body().startsWith("<html>"), garbage.body());

        assertEquals(202, post("/v2/verify", BASIC, START).statusCode());
    }

    @Test
    void the_code_is_found_by_the_number_with_or_without_its_plus() throws Exception {
        post("/v2/verify", BASIC, START);

        String code = fake.lastCodeSentTo("+447700900003");
        assertTrue(code.matches("\\d{6}"), code);
        assertEquals(code, fake.lastCodeSentTo("447700900003"));
        assertEquals(null, fake.lastCodeSentTo("+447700900004"));
    }

    @Test
    void a_request_delayed_across_a_reset_changes_nothing_when_it_wakes() throws Exception {
        // As in the suite: one test delays a send past its client's timeout, the next resets the fake.
        fake.delayNextBy(Duration.ofMillis(500));
        CompletableFuture<HttpResponse<String>> late = CompletableFuture.supplyAsync(() -> {
            try {
                return post("/v2/verify", BASIC, START);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100); // received, now delayed
        fake.reset();
        assertEquals(503, late.get(5, TimeUnit.SECONDS).statusCode());
        assertTrue(fake.codesSent().isEmpty(), "the code of the test before is not this test's last");
        assertEquals(null, fake.lastSentTo("+447700900003"));
        // The number is free: no verification of the test before runs for it.
        assertEquals(202, post("/v2/verify", BASIC, START).statusCode());
        assertEquals(fake.lastCodeSentTo("447700900003"), fake.lastSentTo("447700900003").code());
    }
}

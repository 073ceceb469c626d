package com.videoapi.portal.security.verification.control;

import com.videoapi.portal.security.verification.control.VerificationFailure.Reason;
import com.videoapi.portal.security.verification.control.VerificationGateway.CodeCheck;
import com.videoapi.portal.security.verification.fake.FakeVerifyApi;
import com.videoapi.portal.security.verification.fake.FakeVerifyApi.ReceivedRequest;
import com.videoapi.portal.security.verification.fake.FakeVerifyApi.SentCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real Vonage SDK, through the gateway, against {@link FakeVerifyApi} over HTTP on loopback. */
class VonageVerificationGatewayTest {

    private static final String NUMBER = "+447700900001";
    private static final String OTHER_NUMBER = "+447700900002";
    private static final String API_KEY = "portal-key";
    private static final String API_SECRET = "portal-s3cr3t";

    private static FakeVerifyApi fake;
    private static VonageVerificationGateway gateway;

    private final CapturedLogs logs = new CapturedLogs();

    // The SDK logs every error answer at WARNING with a stack trace; the gateway's own lines say enough.
    private static final Logger SDK = Logger.getLogger("com.vonage");
    private static Level sdkLevelBefore;

    @BeforeAll
    static void startFake() {
        sdkLevelBefore = SDK.getLevel();
        SDK.setLevel(Level.SEVERE);
        fake = FakeVerifyApi.start();
        gateway = new VonageVerificationGateway(settings(fake.baseUrl(), Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stopFake() {
        fake.stop();
        SDK.setLevel(sdkLevelBefore);
    }

    @BeforeEach
    void resetFake() {
        fake.reset();
        Logger.getLogger("").addHandler(logs);
    }

    @AfterEach
    void stopCapturingLogs() {
        Logger.getLogger("").removeHandler(logs);
    }

    private static VonageSettings settings(String baseUrl, Duration timeout) {
        return new VonageSettings(API_KEY, API_SECRET, null, null, baseUrl, null, timeout);
    }

    @Test
    void start_sends_one_sms_with_a_six_digit_code_to_the_number_under_the_brand() throws Exception {
        String requestId = gateway.start(NUMBER, Locale.UK);

        assertEquals(1, fake.codesSent().size());
        SentCode sent = fake.codesSent().get(0);
        assertEquals(requestId, sent.requestId());
        assertEquals("447700900001", sent.to(), "Verify takes E.164 without its +");
        assertEquals("sms", sent.channel());
        assertEquals(6, sent.codeLength());
        assertEquals("Video API", sent.brand());
        assertTrue(sent.code().matches("\\d{6}"), sent.code());

        ReceivedRequest request = fake.requestsReceived().get(0);
        assertEquals("POST", request.method());
        assertEquals("/v2/verify", request.path());
        assertEquals("Basic", request.authScheme());
    }

    @Test
    void the_text_message_is_in_the_language_of_the_person() throws Exception {
        gateway.start(NUMBER, Locale.GERMAN);
        gateway.start(OTHER_NUMBER, Locale.UK);
        assertEquals("de-de", fake.codesSent().get(0).locale());
        assertEquals("en-gb", fake.codesSent().get(1).locale());
        assertEquals(Locale.US, VonageVerificationGateway.verifyLocaleOf(Locale.ENGLISH));
        assertEquals(Locale.US, VonageVerificationGateway.verifyLocaleOf(Locale.JAPANESE), "Verify's own default");
    }

    @Test
    void no_language_sends_no_locale_and_verify_uses_its_default() throws Exception {
        gateway.start(NUMBER, null);
        assertNull(fake.codesSent().get(0).locale());
    }

    @Test
    void the_right_code_confirms_and_then_the_verification_is_finished() throws Exception {
        String requestId = gateway.start(NUMBER, Locale.UK);

        assertEquals(CodeCheck.CONFIRMED, gateway.check(requestId, fake.lastCodeSentTo(NUMBER)));

        VerificationFailure again = assertFailure(() -> gateway.check(requestId, fake.lastCodeSentTo(NUMBER)));
        assertEquals(Reason.NOT_FOUND, again.reason());
    }

    @Test
    void a_wrong_code_may_be_followed_by_the_right_one() throws Exception {
        String requestId = gateway.start(NUMBER, Locale.UK);

        assertEquals(CodeCheck.WRONG_CODE, gateway.check(requestId, wrong(fake.lastCodeSentTo(NUMBER))));
        assertEquals(CodeCheck.CONFIRMED, gateway.check(requestId, fake.lastCodeSentTo(NUMBER)));
    }

    @Test
    void after_three_wrong_codes_even_the_right_one_is_too_late() throws Exception {
        String requestId = gateway.start(NUMBER, Locale.UK);
        String code = fake.lastCodeSentTo(NUMBER);

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertEquals(CodeCheck.WRONG_CODE, gateway.check(requestId, wrong(code)), "attempt " + attempt);
        }
        VerificationFailure failure = assertFailure(() -> gateway.check(requestId, code));
        assertEquals(Reason.EXPIRED_OR_USED_UP, failure.reason());
        assertEquals(410, failure.httpStatus());
    }

    @Test
    void an_expired_verification_takes_no_code() throws Exception {
        String requestId = gateway.start(NUMBER, Locale.UK);
        fake.expire(requestId);

        VerificationFailure failure = assertFailure(() -> gateway.check(requestId, fake.lastCodeSentTo(NUMBER)));
        assertEquals(Reason.EXPIRED_OR_USED_UP, failure.reason());
    }

    @Test
    void an_unknown_request_id_is_not_found() {
        VerificationFailure failure = assertFailure(() -> gateway.check(UUID.randomUUID().toString(), "123456"));
        assertEquals(Reason.NOT_FOUND, failure.reason());
        assertEquals(404, failure.httpStatus());
        assertEquals(1, fake.requestsReceived().size());
    }

    @Test
    void a_request_id_that_is_not_vonages_is_not_found_without_asking() {
        VerificationFailure failure = assertFailure(() -> gateway.check("not-a-uuid", "123456"));
        assertEquals(Reason.NOT_FOUND, failure.reason());
        assertTrue(fake.requestsReceived().isEmpty());
    }

    @Test
    void a_code_that_cannot_be_one_is_wrong_without_asking() throws Exception {
        String requestId = gateway.start(NUMBER, Locale.UK);

        assertEquals(CodeCheck.WRONG_CODE, gateway.check(requestId, "12"));
        assertEquals(CodeCheck.WRONG_CODE, gateway.check(requestId, "12 34 56"));
        assertEquals(CodeCheck.WRONG_CODE, gateway.check(requestId, null));
        assertEquals(1, fake.requestsReceived().size(), "only the start reached Vonage");
    }

    @Test
    void a_second_start_for_the_same_number_is_refused_as_already_running() throws Exception {
        String running = gateway.start(NUMBER, Locale.UK);

        VerificationFailure failure = assertFailure(() -> gateway.start(NUMBER, Locale.UK));
        assertEquals(Reason.ALREADY_RUNNING, failure.reason());
        assertEquals(1, fake.codesSent().size());
        assertFalse(failure.getMessage().contains("7700900001"), failure.getMessage());

        assertNotNull(gateway.start(OTHER_NUMBER, Locale.UK), "another number is not held up");
    }

    @Test
    void a_cancelled_verification_frees_the_number_and_takes_no_more_codes() throws Exception {
        String requestId = gateway.start(NUMBER, Locale.UK);
        String code = fake.lastCodeSentTo(NUMBER);

        gateway.cancel(requestId);

        assertEquals(Reason.NOT_FOUND, assertFailure(() -> gateway.check(requestId, code)).reason());
        assertNotNull(gateway.start(NUMBER, Locale.UK));
    }

    @ParameterizedTest(name = "start answered {0}: {1}")
    @CsvSource({
            "401, MISCONFIGURED", "402, MISCONFIGURED", "403, MISCONFIGURED",
            "404, MISCONFIGURED",
            "409, ALREADY_RUNNING",
            "422, INVALID_NUMBER",
            "429, RATE_LIMITED",
            "500, UNAVAILABLE", "503, UNAVAILABLE"})
    void every_status_of_start_has_its_reason(int status, Reason expected) {
        fake.failNextWith(status);

        VerificationFailure failure = assertFailure(() -> gateway.start(NUMBER, Locale.UK));

        assertEquals(expected, failure.reason());
        assertEquals(status, failure.httpStatus());
        assertTrue(fake.codesSent().isEmpty());
    }

    @Test
    void a_call_starts_a_new_verification_with_one_voice_workflow_and_the_same_code_length() throws Exception {
        String requestId = gateway.call(NUMBER, Locale.GERMANY);

        SentCode called = fake.codesSent().get(0);
        assertEquals(requestId, called.requestId());
        assertEquals("voice", called.channel());
        assertEquals("447700900001", called.to());
        assertEquals(6, called.codeLength());
        assertEquals("de-de", called.locale());
        ReceivedRequest request = fake.requestsReceived().get(0);
        assertEquals("/v2/verify", request.path(), "a new request, not next_workflow");
        assertTrue(request.body().contains("\"workflow\":[{\"channel\":\"voice\""), request.body());
        assertEquals(CodeCheck.CONFIRMED, gateway.check(requestId, called.code()));
    }

    /** Every status the OpenAPI document lists for POST /v2/verify (and 404, 503 as the SMS start has them). */
    @ParameterizedTest(name = "call answered {0}: {1}")
    @CsvSource({
            "401, MISCONFIGURED", "402, MISCONFIGURED", "403, MISCONFIGURED", "404, MISCONFIGURED",
            "409, ALREADY_RUNNING", "412, UNAVAILABLE", "422, INVALID_NUMBER", "429, RATE_LIMITED",
            "500, UNAVAILABLE", "503, UNAVAILABLE"})
    void every_status_of_a_call_has_its_reason(int status, Reason expected) {
        fake.failNextWith(status);

        VerificationFailure failure = assertFailure(() -> gateway.call(NUMBER, Locale.UK));

        assertEquals(expected, failure.reason());
        assertEquals(status, failure.httpStatus());
        assertTrue(fake.codesSent().isEmpty());
    }

    @Test
    void a_number_the_sdk_refuses_is_not_called() {
        VerificationFailure failure = assertFailure(() -> gateway.call("+44 not a number", Locale.UK));
        assertEquals(Reason.INVALID_NUMBER, failure.reason());
        assertTrue(fake.requestsReceived().isEmpty());
    }

    @ParameterizedTest(name = "check answered {0}: {1}")
    @CsvSource({
            "401, MISCONFIGURED", "402, MISCONFIGURED", "403, MISCONFIGURED",
            "404, NOT_FOUND",
            "409, EXPIRED_OR_USED_UP", "410, EXPIRED_OR_USED_UP",
            "422, UNAVAILABLE",
            "429, RATE_LIMITED",
            "500, UNAVAILABLE", "503, UNAVAILABLE"})
    void every_status_of_check_has_its_reason(int status, Reason expected) throws Exception {
        String requestId = gateway.start(NUMBER, Locale.UK);
        fake.failNextWith(status);

        VerificationFailure failure = assertFailure(() -> gateway.check(requestId, fake.lastCodeSentTo(NUMBER)));

        assertEquals(expected, failure.reason());
        assertEquals(status, failure.httpStatus());
    }

    @Test
    void a_refusal_of_our_credentials_is_logged_as_severe_with_vonages_title_and_no_secret() {
        fake.failNextWith(401);

        assertEquals(Reason.MISCONFIGURED, assertFailure(() -> gateway.start(NUMBER, Locale.UK)).reason());

        List<String> severe = logs.texts("com.videoapi.portal.security", Level.SEVERE);
        assertEquals(1, severe.size(), severe::toString);
        assertTrue(severe.get(0).contains("401") && severe.get(0).contains("Unauthorized"), severe.get(0));
        assertFalse(severe.get(0).contains(API_SECRET), severe.get(0));
    }

    @Test
    void a_slow_vonage_is_unavailable_as_soon_as_the_timeout_is_up() {
        VonageVerificationGateway impatient = new VonageVerificationGateway(settings(fake.baseUrl(), Duration.ofMillis(300)));
        fake.delayNextBy(Duration.ofSeconds(3));

        long began = System.nanoTime();
        VerificationFailure failure = assertFailure(() -> impatient.start(NUMBER, Locale.UK));
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        assertEquals(Reason.UNAVAILABLE, failure.reason());
        assertEquals(0, failure.httpStatus());
        assertTrue(causes(failure).stream().anyMatch(SocketTimeoutException.class::isInstance), causes(failure)::toString);
        assertTrue(took.compareTo(Duration.ofMillis(1500)) < 0, "took " + took);
    }

    @ParameterizedTest(name = "garbage answering {0}")
    @ValueSource(strings = {"start", "check"})
    void an_answer_that_is_not_json_is_unavailable(String call) throws Exception {
        String requestId = call.equals("check") ? gateway.start(NUMBER, Locale.UK) : null;
        fake.answerNextWithGarbage();

        VerificationFailure failure = assertFailure(call.equals("start")
                ? () -> gateway.start(NUMBER, Locale.UK)
                : () -> gateway.check(requestId, "123456"));

        assertEquals(Reason.UNAVAILABLE, failure.reason());
    }

    @Test
    void a_refused_connection_is_unavailable() {
        FakeVerifyApi gone = FakeVerifyApi.start();
        gone.stop();
        VonageVerificationGateway nowhere = new VonageVerificationGateway(settings(gone.baseUrl(), Duration.ofSeconds(2)));

        VerificationFailure failure = assertFailure(() -> nowhere.start(NUMBER, Locale.UK));

        assertEquals(Reason.UNAVAILABLE, failure.reason());
        assertTrue(causes(failure).stream().anyMatch(ConnectException.class::isInstance), causes(failure)::toString);
        assertDoesNotThrow(() -> nowhere.cancel(UUID.randomUUID().toString()));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"07700900001", "+44 7700 ABC", "+12", "", "+4477009000011112222"})
    void a_number_that_is_not_e164_is_refused_before_any_request(String number) {
        VerificationFailure failure = assertFailure(() -> gateway.start(number, Locale.UK));

        assertEquals(Reason.INVALID_NUMBER, failure.reason());
        assertEquals(0, failure.httpStatus());
        assertTrue(fake.requestsReceived().isEmpty(), fake.requestsReceived()::toString);
        assertTrue(number.length() < 4 || !failure.getMessage().contains(number.substring(3)), failure.getMessage());
        assertNull(failure.getCause(), "the SDK's message holds the whole number");
    }

    @Test
    void no_number_is_an_invalid_number() {
        assertEquals(Reason.INVALID_NUMBER, assertFailure(() -> gateway.start(null, Locale.UK)).reason());
        assertTrue(fake.requestsReceived().isEmpty());
    }

    @Test
    void cancel_never_throws() {
        assertDoesNotThrow(() -> gateway.cancel(UUID.randomUUID().toString()));
        assertEquals("DELETE", fake.requestsReceived().get(0).method(), "the unknown id was asked about");

        fake.failNextWith(500);
        assertDoesNotThrow(() -> gateway.cancel(UUID.randomUUID().toString()));
        fake.failNextWith(401);
        assertDoesNotThrow(() -> gateway.cancel(UUID.randomUUID().toString()));
        assertDoesNotThrow(() -> gateway.cancel("not-a-uuid"));
        assertDoesNotThrow(() -> gateway.cancel(null));
        assertEquals(3, fake.requestsReceived().size());
    }

    @Test
    void with_an_application_id_and_key_the_requests_carry_a_jwt(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        // A throw-away key, made for this test only.
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path key = Files.writeString(dir.resolve("vonage.key"), pem);
        VonageVerificationGateway jwt = new VonageVerificationGateway(new VonageSettings(null, null,
                UUID.randomUUID().toString(), key.toString(), fake.baseUrl(), null, Duration.ofSeconds(5)));

        jwt.start(NUMBER, Locale.UK);

        assertEquals("Bearer", fake.requestsReceived().get(0).authScheme());
    }

    @Test
    void settings_without_credentials_or_with_a_bad_application_id_are_refused_at_once() {
        assertThrows(IllegalArgumentException.class,
                () -> new VonageVerificationGateway(new VonageSettings(null, null, null, null, null, null, null)));
        assertThrows(IllegalStateException.class, () -> new VonageVerificationGateway(
                new VonageSettings(null, null, "not-a-uuid", "/nonexistent/vonage.key", null, null, null)));
    }

    @Test
    void even_with_the_sdk_at_debug_no_log_holds_a_code_a_secret_or_the_number() throws Exception {
        Logger ours = Logger.getLogger("com.videoapi.portal.security");
        Level oursBefore = ours.getLevel();
        SDK.setLevel(Level.ALL);
        ours.setLevel(Level.ALL);
        try {
            String requestId = gateway.start(NUMBER, Locale.UK);
            String code = fake.lastCodeSentTo(NUMBER);
            gateway.check(requestId, wrong(code));
            gateway.check(requestId, code);
            assertFailure(() -> gateway.start("+44 7700 ABC", Locale.UK));
            fake.failNextWith(401);
            assertFailure(() -> gateway.start(OTHER_NUMBER, Locale.UK));

            assertFalse(logs.texts("com.vonage", Level.FINE).isEmpty(), "the SDK's debug logging was on");
            String all = String.join("\n", logs.texts("", Level.ALL));
            for (String secret : List.of(code, wrong(code), API_SECRET, "7700900001", "7700900002",
                    Base64.getEncoder().encodeToString((API_KEY + ":" + API_SECRET).getBytes()))) {
                assertFalse(all.contains(secret), "logged " + secret + ":\n" + all);
            }
        } finally {
            SDK.setLevel(Level.SEVERE);
            ours.setLevel(oursBefore);
        }
    }

    private static VerificationFailure assertFailure(Executable call) {
        return assertThrows(VerificationFailure.class, call);
    }

    /** Another code of the same length: the first digit moved on by one. */
    private static String wrong(String code) {
        return (char) ('0' + (code.charAt(0) - '0' + 1) % 10) + code.substring(1);
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** Every record published while a test runs, as a person reading the log would see it. */
    private static final class CapturedLogs extends Handler {
        private final List<LogRecord> records = new ArrayList<>();
        private final SimpleFormatter formatter = new SimpleFormatter();

        CapturedLogs() {
            setLevel(Level.ALL);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            records.add(record);
        }

        synchronized List<String> texts(String loggerPrefix, Level atLeast) {
            return records.stream()
                    .filter(r -> r.getLoggerName() != null && r.getLoggerName().startsWith(loggerPrefix))
                    .filter(r -> r.getLevel().intValue() >= atLeast.intValue())
                    .map(formatter::format)
                    .toList();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}

package com.videoapi.portal.it.operations;

import com.videoapi.portal.it.support.Operator;
import com.videoapi.portal.it.support.Operator.Health;
import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.ServerLog;
import com.videoapi.portal.it.support.WildFlyOnly;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Pattern;

import static com.videoapi.portal.it.support.Operator.sample;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What operators see of the running portal: health on the management port, meters at
 * {@code /prometheus}, and a log category raised to DEBUG at runtime. Reached as an operator would,
 * over HTTP and the management API; nothing in the product knows it is being tested.
 */
@WildFlyOnly("reads WildFly's management port (/health, /prometheus) and suspends the server and raises a log"
        + " category through WildFly's management API; Payara's health and metrics are not the product's set-up")
class OperationsIT extends PortalTest {

    private static final String SECURITY_LOGGER = "subsystem=logging/logger=com.videoapi.portal.security";

    private final Operator operator = new Operator();

    @AfterEach
    void leaveTheServerAsFound() {
        try {
            operator.run("", "resume", Map.of());
            // Back to the level configure-logging.cli gives the category.
            operator.run(SECURITY_LOGGER, "write-attribute", Map.of("name", "level", "value", "INFO"));
        } finally {
            operator.close();
        }
    }

    @Test
    void liveness_and_readiness_answer_up_with_the_portals_checks() {
        // 1. Live: the application answers, and nothing outside the process is asked.
        Health live = operator.health("/health/live");
        assertEquals(200, live.httpStatus(), live.toString());
        assertEquals("UP", live.status());
        assertEquals("UP", live.check("account-portal").path("status").asText(), live.toString());
        // 2. Ready: the database answers, and the code channel is Vonage with complete credentials.
        Health ready = operator.health("/health/ready");
        assertEquals(200, ready.httpStatus(), ready.toString());
        assertAll(
                () -> assertEquals("UP", ready.status()),
                () -> assertEquals("UP", ready.check("database").path("status").asText(), ready.toString()),
                () -> assertEquals("UP", ready.check("verification-channel").path("status").asText(), ready.toString()),
                () -> assertEquals("vonage", ready.check("verification-channel").path("data").path("channel").asText()),
                () -> assertEquals("api key (Basic)", ready.check("verification-channel").path("data").path("authentication").asText()));
        // 3. No secret in either answer (the test server reads these credentials from PORTAL_SECRETS_DIR).
        assertFalse(ready.json().toString().contains("test-secret"), ready.toString());
        assertFalse(ready.json().toString().contains("test-key"), ready.toString());
    }

    @Test
    void readiness_turns_down_while_the_server_is_suspended_and_up_again_when_resumed() {
        assertEquals(200, operator.health("/health/ready").httpStatus());
        // 1. The operator suspends the server, as before maintenance: it takes no new requests.
        operator.run("", "suspend", Map.of("suspend-timeout", 0));
        // 2. Not ready (503), and the answer says why; the database still answers.
        Health suspended = operator.health("/health/ready");
        assertEquals(503, suspended.httpStatus(), suspended.toString());
        assertEquals("DOWN", suspended.status());
        assertEquals("DOWN", suspended.check("suspend-state").path("status").asText(), suspended.toString());
        assertEquals("UP", suspended.check("database").path("status").asText(), suspended.toString());
        // Still live: an orchestrator must not restart a server that was merely suspended.
        assertEquals(200, operator.health("/health/live").httpStatus());
        // 3. Resumed: ready again, and the portal serves its pages.
        operator.run("", "resume", Map.of());
        Health resumed = operator.health("/health/ready");
        assertEquals(200, resumed.httpStatus(), resumed.toString());
        assertEquals("UP", resumed.status());
        browser.open("/signin.xhtml");
        assertEquals(200, browser.status());
    }

    @Test
    void a_sign_in_with_a_code_and_a_failing_verify_show_in_the_meters() {
        String before = operator.scrape();
        // 1. A person enables 2FA (a code sent and confirmed), signs out, and signs in: password, then code.
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("otto", number);
        browser.press("Sign out");
        signInWithCode(email, number, false);
        assertEquals("/", browser.path());
        browser.press("Sign out");
        // 2. A wrong password; then Verify fails once with 503 when a code should go out.
        signIn(email, "not the password at all");
        verifyApi.failNextWith(503);
        waitOutResendCooldown(); // of the first sign-in's code
        signIn(email, PASSWORD);
        assertTrue(browser.shows("We could not send or check the code just now"));

        String after = operator.scrape();
        // Sign-up signs in with the password too: three good passwords, one bad.
        assertEquals(3, grown(before, after, "portal_sign_ins_total", "step", "password", "outcome", "succeeded"));
        assertEquals(1, grown(before, after, "portal_sign_ins_total", "step", "password", "outcome", "failed"));
        assertEquals(1, grown(before, after, "portal_sign_ins_total", "step", "code", "outcome", "succeeded"));
        // Enrolment and sign-in each sent a code and had it confirmed; the third was refused with 503.
        assertEquals(2, grown(before, after, "portal_codes_sent_total", "channel", "vonage"));
        assertEquals(2, grown(before, after, "portal_code_checks_total", "channel", "vonage", "outcome", "confirmed"));
        assertEquals(1, grown(before, after, "portal_verification_errors_total",
                "channel", "vonage", "operation", "start", "status", "503", "reason", "unavailable"));
        assertEquals(3, grown(before, after, "portal_verification_calls_seconds_count", "channel", "vonage", "operation", "start"));
        assertTrue(sample(after, "portal_verification_calls_seconds_sum", "operation", "start") > 0, "latency is measured");
        assertTrue(after.contains("portal_trusted_devices_active"), "the trusted-devices gauge is there");
        assertTrue(after.contains("portal_locks_total"), "the locks counter is there before any lock");
    }

    @Test
    void a_category_raised_to_debug_at_runtime_says_more_and_nothing_secret() {
        long logBefore = ServerLog.size();
        // 1. The operator raises com.videoapi.portal.security to DEBUG, without a redeploy.
        // (configure-logging.cli created the category at INFO)
        operator.run(SECURITY_LOGGER, "write-attribute", Map.of("name", "level", "value", "DEBUG"));
        // 2. Sign-up, enrolment and a sign-in with a code.
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("pia", number);
        String enrolmentCode = verifyApi.lastCodeSentTo(number);
        browser.press("Sign out");
        signIn(email, PASSWORD);
        String signInCode = verifyApi.lastCodeSentTo(number);
        browser.fillIn("Verification code", signInCode).press("Verify");
        assertEquals("/", browser.path());

        String logged = ServerLog.since(logBefore);
        // 3. DEBUG lines of the category appeared, with the number masked ...
        // (java.util.logging's FINE keeps its name in WildFly's log; the bullets are whatever the
        // log file's encoding makes of them)
        assertTrue(Pattern.compile("(?:DEBUG|FINE) +\\[com\\.videoapi\\.portal\\.security] .*started for \\+44[^0-9]{1,30}" + number.substring(number.length() - 4))
                .matcher(logged).find(), logged);
        // ... and no code, full number, password or credential at any level.
        assertAll(
                () -> assertFalse(Pattern.compile("(?<![0-9A-Za-z])" + enrolmentCode + "(?![0-9A-Za-z])").matcher(logged).find(), "enrolment code"),
                () -> assertFalse(Pattern.compile("(?<![0-9A-Za-z])" + signInCode + "(?![0-9A-Za-z])").matcher(logged).find(), "sign-in code"),
                () -> assertFalse(logged.contains(number.substring(1)), "full number"),
                () -> assertFalse(logged.contains(PASSWORD), "password"),
                () -> assertFalse(logged.contains("test-secret"), "Vonage secret"),
                () -> assertFalse(logged.contains(browser.sessionId()), "session id"));
    }

    private static double grown(String before, String after, String name, String... labels) {
        return sample(after, name, labels) - sample(before, name, labels);
    }
}

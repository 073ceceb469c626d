package com.videoapi.portal.it.hardening;

import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.WildFlyOnly;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attacks on the code step by guessing: each test is the attack, and what stops it. */
class GuessingCodesIT extends PortalTest {

    private String number;
    private String email;

    @BeforeEach
    void aVictimWithTwoFactorWhosePasswordTheAttackerKnows() {
        verifyApi.reset();
        verifyApi.allowWrongCodes(100); // so that the portal's own limits are what stop the guessing
        number = uniqueUkMobile();
        email = personWithTwoFactor("vic", number);
        browser.press("Sign out");
        signIn(email, PASSWORD);
        assertEquals("/signin-code.xhtml", browser.path());
    }

    @Test
    void after_five_wrong_codes_the_verification_is_void_even_for_the_right_code() {
        String right = verifyApi.lastCodeSentTo(number);
        for (int i = 0; i < 5; i++) {
            browser.fillIn("Verification code", wrongCode(right)).press("Verify");
            assertTrue(browser.shows("That code is not right."));
        }
        browser.fillIn("Verification code", right).press("Verify");
        assertEquals("/signin-code.xhtml", browser.path());
        assertTrue(browser.shows("This code has expired or has been tried too many times."), browser.describe());
        assertTrue(verifyApi.requestsReceived().stream().anyMatch(r -> r.method().equals("DELETE")), "cancelled at Vonage");
    }

    @Test
    void ten_wrong_codes_across_sessions_and_addresses_lock_the_code_step_even_for_the_right_code() {
        // 1. Five wrong codes in this session.
        guessWrongFiveTimes();
        // 2. A fresh session, "from another address" (a spoofed X-Forwarded-For), five more.
        browser.cookies().clearCookies();
        browser.header("X-Forwarded-For", "203.0.113.77");
        waitOutResendCooldown();
        signIn(email, PASSWORD);
        guessWrongFiveTimes();
        // 3. Locked: a new code, typed right, is refused with the same neutral words.
        waitOutResendCooldown();
        browser.press("Send a new code");
        browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Verify");
        assertEquals("/signin-code.xhtml", browser.path());
        assertTrue(browser.shows("That code is not right."));
        // 4. Fifteen minutes later the right code works again.
        advanceServerClock(Duration.ofMinutes(16));
        browser.press("Send a new code");
        browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Verify");
        assertEquals("/", browser.path());
    }

    @WildFlyOnly("on Payara's embedded H2 (jdbc/__default) the row locks do not hold concurrent requests back: they"
            + " fail on optimistic version checks (500) instead of taking turns; no extra session is made")
    @Test
    void the_same_right_code_sent_five_times_at_once_makes_exactly_one_session() throws Exception {
        List<HttpResponse<String>> answers = submitConcurrently(verifyApi.lastCodeSentTo(number), 5);
        long signedIn = answers.stream().filter(a -> a.statusCode() == 302 && a.headers().firstValue("Location").orElse("").endsWith("/")).count();
        assertEquals(1, signedIn, answers.stream().map(a -> a.statusCode() + " " + a.headers().firstValue("Location").orElse("")).collect(Collectors.joining(", ")));
    }

    @WildFlyOnly("on Payara's embedded H2 (jdbc/__default) the row locks do not hold concurrent requests back:"
            + " five wrong codes sent at once are not all counted (use PostgreSQL there, docs/operating-payara.md)")
    @Test
    void five_wrong_codes_sent_at_once_are_all_counted() throws Exception {
        String right = verifyApi.lastCodeSentTo(number);
        List<HttpResponse<String>> answers = submitConcurrently(wrongCode(right), 5);
        assertTrue(answers.stream().noneMatch(a -> a.statusCode() >= 500));
        // All five counted: the verification is void, so the right code no longer works.
        browser.open("/signin-code.xhtml").fillIn("Verification code", right).press("Verify");
        assertTrue(browser.shows("This code has expired or has been tried too many times."), browser.describe());
    }

    @Test
    void missing_empty_non_numeric_overlong_and_repeated_code_parameters_are_refused_and_counted() {
        String right = verifyApi.lastCodeSentTo(number);
        List<List<NameValuePair>> tampered = List.of(
                List.of(),                                                    // missing
                List.of(new NameValuePair("signin-code:code", "")),           // empty
                List.of(new NameValuePair("signin-code:code", "12a4b6")),     // non-numeric
                List.of(new NameValuePair("signin-code:code", "1".repeat(10_000))), // over-long
                List.of(new NameValuePair("signin-code:code", wrongCode(right)),
                        new NameValuePair("signin-code:code", right)));       // repeated
        for (List<NameValuePair> code : tampered) {
            List<NameValuePair> form = new ArrayList<>(List.of(
                    new NameValuePair("signin-code", "signin-code"),
                    new NameValuePair("signin-code:verify", "Verify"),
                    new NameValuePair("jakarta.faces.ViewState", browser.viewState())));
            form.addAll(code);
            browser.post("/signin-code.xhtml", form);
            assertEquals(200, browser.status(), "never a 500");
            assertEquals("/signin-code.xhtml", browser.path());
        }
        // Five failures counted: the verification is void.
        browser.fillIn("Verification code", right).press("Verify");
        assertTrue(browser.shows("This code has expired or has been tried too many times."), browser.describe());
    }

    private void guessWrongFiveTimes() {
        String right = verifyApi.lastCodeSentTo(number);
        for (int i = 0; i < 5; i++) {
            browser.fillIn("Verification code", wrongCode(right)).press("Verify");
        }
    }

    /** Posts the code form {@code times} times at once, in this browser's session. */
    private List<HttpResponse<String>> submitConcurrently(String code, int times) throws Exception {
        HttpRequest request = formPost("/signin-code.xhtml",
                "signin-code", "signin-code", "signin-code:verify", "Verify", "signin-code:code", code);
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            sent.add(NO_REDIRECTS.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        return sent.stream().map(CompletableFuture::join).toList();
    }

}

package com.videoapi.portal.it.hardening;

import com.videoapi.portal.it.support.Browser;
import com.videoapi.portal.it.support.Operator;
import com.videoapi.portal.it.support.Operator.Health;
import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.ServerLog;
import com.videoapi.portal.it.support.ServerSetting;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attacks that make the portal send text messages: flooding a phone, running up our SMS bill. */
class SmsAbuseIT extends PortalTest {

    /** The enrolment budgets the test server runs with (integration-tests/pom.xml): every test enrols from 127.0.0.1. */
    static final String TEST_SERVERS_BUDGET = System.getProperty("it.enrolment-sends-per-hour", "100000");

    @BeforeEach
    void freshFake() {
        verifyApi.reset();
    }

    @Test
    void asking_for_a_new_code_again_and_again_is_held_back_by_a_cooldown() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("ida", number);
        browser.press("Sign out");
        signIn(email, PASSWORD);
        long sent = codesSentTo(number);
        browser.press("Send a new code");
        assertTrue(browser.shows("A code was sent a few seconds ago."), browser.describe());
        assertTrue(browser.html().getElementById("signin-code:send-new-code").hasAttribute("data-wait-seconds"));
        assertEquals(sent, codesSentTo(number));
        waitOutResendCooldown();
        browser.press("Send a new code");
        assertEquals(sent + 1, codesSentTo(number));
    }

    @Test
    void more_than_five_sign_in_codes_an_hour_for_one_user_are_refused_and_the_enrolment_code_is_not_one_of_them() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("jon", number); // the enrolment code: a budget of its own
        browser.press("Sign out");
        signIn(email, PASSWORD);                             // sign-in code 1
        for (int i = 0; i < 4; i++) {                        // 2, 3, 4, 5
            waitOutResendCooldown();
            browser.press("Send a new code");
            assertTrue(browser.shows("We sent a 6-digit code"), browser.describe());
        }
        waitOutResendCooldown();
        browser.press("Send a new code");                    // the sixth
        assertTrue(browser.shows("Too many codes have been sent."), browser.describe());
        assertEquals(6, codesSentTo(number), "1 enrolment code and 5 sign-in codes");
    }

    @Test
    void an_attackers_accounts_get_three_enrolment_codes_a_day_to_one_number_between_them() {
        String victim = uniqueUkMobile();
        long sent = 0;
        // 1-4. Four accounts of the attacker's, each asking for a code to the same victim's phone.
        for (int account = 1; account <= 4; account++) {
            browser.cookies().clearCookies();
            signUp("Flood " + account, uniqueEmail("flood" + account));
            askForEnrolmentCode(victim);
            sent += codesSentTo(victim);
            verifyApi.reset(); // Verify's one-verification-per-number rule is not what is tested here
        }
        // 5. The fourth gets none: the number had its three enrolment codes today.
        assertTrue(browser.shows("Too many codes have been sent."), browser.describe());
        assertEquals(3, sent);
        // 6. A day later, the number gets codes again.
        advanceServerClock(Duration.ofHours(25));
        browser.cookies().clearCookies();
        signUp("Flood 5", uniqueEmail("flood5"));
        askForEnrolmentCode(victim);
        assertTrue(browser.shows("We sent a 6-digit code"), browser.describe());
    }

    @Test
    void an_account_gets_three_enrolment_codes_an_hour() {
        String first = uniqueUkMobile();
        String second = uniqueUkMobile();
        // 1. The attacker signs up and asks for codes to two numbers in turn, as fast as the cooldown lets them.
        String email = uniqueEmail("pump");
        signUp("Pump", email);
        askForEnrolmentCode(first);
        waitOutResendCooldown();
        askForEnrolmentCode(second);
        waitOutResendCooldown();
        askForEnrolmentCode(first);
        waitOutResendCooldown();
        askForEnrolmentCode(second);
        // 2. The fourth is refused: three an hour (neither number had three today, nor the address ten).
        assertTrue(browser.shows("Too many codes have been sent."), browser.describe());
        assertEquals(2, startsTo(first));
        assertEquals(1, startsTo(second));
        // 3. An hour and ten minutes later (signed in again: switching 2FA on needs a fresh proof) codes go out again.
        advanceServerClock(Duration.ofMinutes(71));
        browser.cookies().clearCookies();
        signIn(email, PASSWORD);
        askForEnrolmentCode(second);
        assertEquals(2, startsTo(second));
    }

    @Test
    void an_account_whose_email_is_not_verified_sends_enrolment_codes_to_two_numbers_a_day() {
        String first = uniqueUkMobile();
        String second = uniqueUkMobile();
        String third = uniqueUkMobile();
        // 1. The attacker signs up (the e-mail address unverified) and tries number after number.
        String email = uniqueEmail("numbers");
        signUp("Numbers", email);
        askForEnrolmentCode(first);
        waitOutResendCooldown();
        askForEnrolmentCode(second);
        assertEquals(1, startsTo(second));
        // 2. An hour later (past the hourly budget; signed in again for a fresh proof) the third number is refused for the day.
        advanceServerClock(Duration.ofMinutes(71));
        browser.cookies().clearCookies();
        signIn(email, PASSWORD);
        askForEnrolmentCode(third);
        assertTrue(browser.shows("Codes went to too many different numbers from this account today."), browser.describe());
        assertEquals(0, startsTo(third));
        // 3. A number tried today still gets its code: the person who mistyped and corrected it.
        askForEnrolmentCode(second);
        assertEquals(2, startsTo(second));
    }

    @Test
    void numbers_of_countries_the_portal_does_not_serve_get_no_code() {
        signUp("Toll fraud", uniqueEmail("toll"));
        // Singapore, Nigeria (not in twofactor.sms-regions), an Iridium satellite phone, a +882 network.
        for (String number : List.of("+6581234567", "+2348021234567", "+881612345678", "+8823421234")) {
            askForEnrolmentCode(number);
            assertTrue(browser.shows("We can't send codes to numbers in this country yet."), number + ": " + browser.text());
            waitOutResendCooldown();
        }
        assertEquals(0, verifyApi.requestsReceived().stream().filter(r -> "POST".equals(r.method())).count());
    }

    @Test
    void a_strangers_enrolment_in_flight_never_blocks_the_owners_sign_in_code() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("uma", number);
        browser.press("Sign out");
        Browser umas = browser;
        Browser strangers = new Browser(baseUrl());
        try {
            // 1. A stranger, in a browser of their own, enrols Uma's number and leaves the verification running.
            browser = strangers;
            signUp("Stranger", uniqueEmail("stranger"));
            askForEnrolmentCode(number);
            String strangersCode = verifyApi.lastCodeSentTo(number);
            // 2. Uma signs in: her code goes out (Verify runs one verification per number: the stranger's is voided).
            browser = umas;
            signInWithCode(email, number, false);
            assertTrue(browser.shows("Welcome,"), browser.describe());
            // 3. The stranger's code is no good any more.
            browser = strangers;
            browser.fillIn("Verification code", strangersCode).press("Confirm");
            assertTrue(browser.shows("This code has expired"), browser.describe());
        } finally {
            browser = umas;
            strangers.close();
        }
    }

    @Test
    void codes_other_accounts_ask_for_to_the_same_number_never_count_against_its_owner() {
        String shared = uniqueUkMobile();
        String alice = personWithTwoFactor("alice", shared);
        browser.cookies().clearCookies();
        // 1. Bob has 2FA on the same number, and asks for sign-in codes as often as he may, for two hours.
        String bob = personWithTwoFactor("bob", shared);
        for (int hour = 0; hour < 2; hour++) {
            browser.cookies().clearCookies();
            signIn(bob, PASSWORD);
            for (int i = 0; i < 4; i++) {
                waitOutResendCooldown();
                browser.press("Send a new code");
            }
            advanceServerClock(Duration.ofMinutes(71));
        }
        assertEquals(12, codesSentTo(shared), "2 enrolment codes, 10 sign-in codes of Bob's");
        verifyApi.reset(); // Bob's last verification still runs: not what is tested here
        // 2. Alice still gets her sign-in code, and signs in.
        browser.cookies().clearCookies();
        signInWithCode(alice, shared, false);
        assertTrue(browser.shows("Welcome,"), browser.describe());
    }

    @WildFlyOnly("two requests at once on Payara's embedded H2, as the other race tests: its row locks do not hold,"
            + " so the second click does not wait for the first code and Verify refuses it (409)")
    @Test
    void a_double_click_on_submit_sends_one_code() throws Exception {
        String number = uniqueUkMobile();
        signUp("Double Click", uniqueEmail("dbl"));
        browser.open("/profile.xhtml");
        HttpRequest submit = formPost("/profile.xhtml",
                "security", "security", "security:use-2fa", "on", "security:submit-number", "Submit", "security:phone", number);
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> clicks = List.of(
                http.sendAsync(submit, HttpResponse.BodyHandlers.ofString()),
                http.sendAsync(submit, HttpResponse.BodyHandlers.ofString()));
        List<String> answers = new ArrayList<>();
        clicks.forEach(click -> answers.add(click.join().body()));
        // The second click of a slow double click arrives after the first was answered: the same post
        // into the view that now awaits the code (the order the race above can take only sometimes).
        answers.add(http.send(submit, HttpResponse.BodyHandlers.ofString()).body());
        for (int click = 0; click < answers.size(); click++) {
            String answer = answers.get(click);
            assertTrue(answer.contains("We sent a 6-digit code"), "every click answers as the first, but click " + (click + 1)
                    + " of 3 got the messages " + answer.replaceAll("(?s).*<(ul|div) id=\"security:messages\"", "<$1").replaceAll("(?s)</(ul|div)>.*", "</$1>")
                    + (answer.contains("id=\"code-sent-to\"") ? " beside the code's field" : " without the code's field"));
        }
        assertEquals(1, codesSentTo(number));
    }

    @Test
    void reloading_the_code_page_sends_no_code() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("kit", number);
        browser.press("Sign out");
        signIn(email, PASSWORD);
        long sent = codesSentTo(number);
        browser.open("/signin-code.xhtml").open("/signin-code.xhtml").open("/signin-code.xhtml");
        assertEquals(sent, codesSentTo(number));
    }

    @Test
    void no_request_parameter_can_choose_where_a_sign_in_code_goes() {
        String number = uniqueUkMobile();
        String attackers = uniqueUkMobile();
        String email = personWithTwoFactor("lea", number);
        browser.press("Sign out");
        signIn(email, PASSWORD);
        waitOutResendCooldown();
        browser.post("/signin-code.xhtml", List.of(
                new NameValuePair("signin-code", "signin-code"),
                new NameValuePair("signin-code:send-new-code", "Send a new code"),
                new NameValuePair("signin-code:phone", attackers),
                new NameValuePair("phone", attackers),
                new NameValuePair("to", attackers),
                new NameValuePair("jakarta.faces.ViewState", browser.viewState())));
        assertEquals(0, codesSentTo(attackers));
        assertEquals(3, codesSentTo(number), "enrolment, sign-in, the new code");
    }
    @WildFlyOnly("lowers the enrolment ceiling in the running server through WildFly's management API")
    @Test
    void an_enrolment_flood_stops_at_the_ceiling_the_operator_sees_it_and_sign_in_codes_still_go_out() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("vic", number);
        browser.press("Sign out");
        // An hour of its own, far from the other tests' enrolments (the test clock goes back after each test).
        advanceServerClock(Duration.ofDays(800));
        long logFrom = ServerLog.size();
        try (Operator operator = new Operator();
             ServerSetting ceiling = ServerSetting.set("twofactor.enrolment-sends-per-hour", "2", TEST_SERVERS_BUDGET)) {
            double refusedBefore = Operator.sample(operator.scrape(), "portal_sms_refused_total", "reason", "enrol_ceiling");
            // 1-3. The attacker's accounts enrol number after number: two codes go out, the third stops at the ceiling.
            List<String> numbers = List.of(uniqueUkMobile(), uniqueUkMobile(), uniqueUkMobile());
            for (int account = 0; account < 3; account++) {
                browser.cookies().clearCookies();
                signUp("Pumper " + account, uniqueEmail("pumper" + account));
                askForEnrolmentCode(numbers.get(account));
            }
            assertTrue(browser.shows("We could not send or check the code just now."), browser.describe());
            assertEquals(0, codesSentTo(numbers.get(2)));
            // 4. The operator sees it: a WARNING, a readiness detail (still UP), the meter.
            assertTrue(ServerLog.since(logFrom).contains("SMS ceiling reached (twofactor.enrolment-sends-per-hour = 2"),
                    ServerLog.since(logFrom));
            Health ready = operator.health("/health/ready");
            assertEquals(200, ready.httpStatus(), ready.toString());
            assertTrue(ready.check("verification-channel").path("data").path("sms-enrolment-ceiling").asText()
                    .startsWith("reached at "), ready.toString());
            assertEquals(1, Operator.sample(operator.scrape(), "portal_sms_refused_total", "reason", "enrol_ceiling")
                    - refusedBefore);
            // 5. Vic signs in: the enrolment ceiling is not hers.
            browser.cookies().clearCookies();
            signInWithCode(email, number, false);
            assertTrue(browser.shows("Welcome,"), browser.describe());
        }
    }

    /** Verifications the portal asked Vonage to start to this number (sent, or refused by Verify). */
    private long startsTo(String e164) {
        return verifyApi.requestsReceived().stream()
                .filter(r -> "POST".equals(r.method()) && r.body().contains(e164.substring(1))).count();
    }
}

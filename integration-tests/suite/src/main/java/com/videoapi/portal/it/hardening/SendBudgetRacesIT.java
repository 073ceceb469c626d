package com.videoapi.portal.it.hardening;

import com.videoapi.portal.it.support.Browser;
import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.ServerSetting;
import com.videoapi.portal.it.support.TestDatabase;
import com.videoapi.portal.it.support.WildFlyOnly;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * An attacker's requests racing for the last slots of an SMS send budget, all released at once: they
 * get exactly as many codes as the budget holds, not one more (the counters are taken under a
 * database lock, not read and then written).
 */
class SendBudgetRacesIT extends PortalTest {

    private static final int RACERS = 50;
    private static final String TOO_MANY = "Too many codes have been sent.";

    @BeforeEach
    void freshFake() {
        // Each code takes two connections at once (the request's, and the budget's short transaction of its
        // own): fifty requests at once need the pool of 64+ that the PostgreSQL test server has (configure-postgresql.cli);
        // WildFly's H2 ExampleDS keeps 20 for 32 request threads, and stalls (docs/security.md).
        assumeFalse(TestDatabase.isH2(), "needs a pool of at least two connections per request thread: PostgreSQL only");
        verifyApi.reset();
    }

    @Test
    void fifty_accounts_racing_to_enrol_one_number_get_its_three_codes_of_the_day_between_them() throws Exception {
        String victim = uniqueUkMobile();
        // 1. The attacker opens fifty accounts, each with the form to enrol the victim's number filled in.
        List<HttpRequest> posts = new ArrayList<>();
        for (int account = 0; account < RACERS; account++) {
            posts.add(enrolmentFormOfNewAccount("racer" + account, victim));
        }
        // 2. All fifty are posted at once.
        List<HttpResponse<String>> answers = releasedAtOnce(posts);
        // 3. Three reached Vonage (one code sent; Verify answered the other two 409), the others were refused.
        assertEquals(3, verifyApi.requestsReceived().stream()
                .filter(r -> "POST".equals(r.method()) && r.body().contains(victim.substring(1))).count());
        assertEquals(RACERS - 3, answers.stream().filter(a -> a.body().contains(TOO_MANY)).count());
    }

    @WildFlyOnly("lowers the per-address budget in the running server through WildFly's management API")
    @Test
    void fifty_accounts_racing_from_one_address_get_its_budget_of_codes() throws Exception {
        // An hour of its own, far from the other tests' enrolments from 127.0.0.1.
        advanceServerClock(Duration.ofDays(400));
        try (ServerSetting perAddress = ServerSetting.set("twofactor.enrolment-sends-per-address-per-hour", "10",
                SmsAbuseIT.TEST_SERVERS_BUDGET)) {
            // 1. The attacker opens fifty accounts from one address, each with a number of its own.
            Set<String> numbers = new HashSet<>();
            while (numbers.size() < RACERS) {
                numbers.add(uniqueUkMobile());
            }
            List<HttpRequest> posts = new ArrayList<>();
            int account = 0;
            for (String number : numbers) {
                posts.add(enrolmentFormOfNewAccount("spray" + account++, number));
            }
            // 2. All fifty are posted at once: ten codes go out, forty are refused.
            List<HttpResponse<String>> answers = releasedAtOnce(posts);
            assertEquals(10, verifyApi.codesSent().size());
            assertEquals(RACERS - 10, answers.stream().filter(a -> a.body().contains(TOO_MANY)).count());
        }
    }

    /** A new account, signed up in a browser of its own, and its Security Settings form posting {@code number}. */
    private HttpRequest enrolmentFormOfNewAccount(String who, String number) {
        Browser mine = browser;
        browser = new Browser(baseUrl());
        try {
            signUp(who, uniqueEmail(who));
            browser.open("/profile.xhtml");
            return formPost("/profile.xhtml",
                    "security", "security", "security:use-2fa", "on", "security:submit-number", "Submit", "security:phone", number);
        } finally {
            browser.close();
            browser = mine;
        }
    }
}

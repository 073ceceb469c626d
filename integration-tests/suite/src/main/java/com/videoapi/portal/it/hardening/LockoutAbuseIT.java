package com.videoapi.portal.it.hardening;

import com.videoapi.portal.it.support.Browser;
import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.ServerSetting;
import com.videoapi.portal.it.support.WildFlyOnly;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stranger who wants to lock a person out (OWASP: account lockout as denial of service), or to make
 * the server hash passwords until it falls over. The stranger's browser connects from another
 * loopback address (127.0.0.2 and up), which the server sees as another client.
 */
class LockoutAbuseIT extends PortalTest {

    private static final String REFUSED = "The email address or password is incorrect.";

    /** The per-address throttles the test server runs with (integration-tests/pom.xml): every test signs in from 127.0.0.1. */
    private static final String TEST_SERVERS_PASSWORD_CHECKS = System.getProperty("it.password-checks-per-address-per-minute", "100000");
    private static final String TEST_SERVERS_SIGN_UPS = System.getProperty("it.sign-ups-per-address-per-hour", "100000");

    @BeforeEach
    void freshFake() {
        verifyApi.reset();
    }

    @Test
    void a_stranger_who_guesses_from_elsewhere_locks_only_his_own_address_and_the_owner_still_signs_in() {
        // The owner has 2FA and a trusted device: this browser, at 127.0.0.1.
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("owner", number);
        browser.press("Sign out");
        signInWithCode(email, number, true);
        assertEquals("/", browser.path());
        browser.press("Sign out");
        try (Browser stranger = new Browser(baseUrl()).from("127.0.0.2")) {
            // 1. Ten wrong passwords from the stranger's address lock that address for this account...
            guessTenTimes(stranger, email);
            // 2. ...so that even the right password from there is refused, in the same words.
            signInWith(stranger, email, PASSWORD);
            assertEquals("/signin.xhtml", stranger.path());
            assertTrue(stranger.shows(REFUSED), stranger.text());
        }
        // 3. The owner, on the trusted device, is in with the password alone.
        signIn(email, PASSWORD);
        assertEquals("/", browser.path(), browser.describe());
        // 4. The owner on a new device elsewhere passes the password, then the code.
        waitOutResendCooldown();
        try (Browser newLaptop = new Browser(baseUrl()).from("127.0.0.3")) {
            signInWith(newLaptop, email, PASSWORD);
            newLaptop.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Verify");
            assertEquals("/", newLaptop.path(), newLaptop.text());
        }
    }

    @Test
    void one_address_that_keeps_guessing_waits_twice_as_long_each_time_and_the_owner_never_waits() {
        String email = uniqueEmail("backoff");
        signUp("Back-off", email);
        browser.press("Sign out");
        try (Browser stranger = new Browser(baseUrl()).from("127.0.0.2")) {
            // 1. The first ten lock the stranger's address for 15 minutes.
            guessTenTimes(stranger, email);
            signInWith(stranger, email, PASSWORD);
            assertTrue(stranger.shows(REFUSED));
            // 2. The owner, from home, is not held back.
            signIn(email, PASSWORD);
            assertEquals("/", browser.path(), browser.describe());
            browser.press("Sign out");
            // 3. Ten more after the lock: 30 minutes this time, not 15.
            advanceServerClock(Duration.ofMinutes(16));
            guessTenTimes(stranger, email);
            advanceServerClock(Duration.ofMinutes(16));
            signInWith(stranger, email, PASSWORD);
            assertTrue(stranger.shows(REFUSED), "locked for 30 minutes after the second ten");
            advanceServerClock(Duration.ofMinutes(15));
            signInWith(stranger, email, PASSWORD);
            assertEquals("/", stranger.path(), "the lock ended, and whoever knows the password is in");
        }
    }

    @WildFlyOnly("lowers the per-address throttle in the running server through WildFly's management API")
    @Test
    void password_checks_from_one_address_beyond_its_minute_are_answered_429_without_checking() throws Exception {
        String email = uniqueEmail("throttled");
        signUp("Throttled", email);
        browser.press("Sign out");
        // A minute of its own, far from the other tests' sign-ins.
        advanceServerClock(Duration.ofDays(500));
        try (ServerSetting perAddress = ServerSetting.set("signin.password-checks-per-address-per-minute", "5",
                TEST_SERVERS_PASSWORD_CHECKS);
             Browser stranger = new Browser(baseUrl()).from("127.0.0.4")) {
            // 1. Five guesses from one address are checked (and refused)...
            for (int i = 0; i < 5; i++) {
                signInWith(stranger, uniqueEmail("sprayed"), "spray guess " + i);
                assertTrue(stranger.shows(REFUSED), stranger.text());
            }
            // 2. ...the sixth within the minute is not even checked: 429, Retry-After, and words that say so.
            signInWith(stranger, email, PASSWORD);
            assertEquals(429, stranger.status());
            assertTrue(stranger.shows("Too many passwords were tried from your network just now."), stranger.text());
            String retryAfter = stranger.html().getWebResponse().getResponseHeaderValue("Retry-After");
            assertTrue(Integer.parseInt(retryAfter) >= 1 && Integer.parseInt(retryAfter) <= 60, retryAfter);
            // 3. The owner at another address is not throttled.
            signIn(email, PASSWORD);
            assertEquals("/", browser.path(), browser.describe());
            // 4. A minute later the address may try again.
            advanceServerClock(Duration.ofSeconds(61));
            signInWith(stranger, email, PASSWORD);
            assertEquals("/", stranger.path(), stranger.text());
        }
    }

    @WildFlyOnly("lowers the per-address throttle in the running server through WildFly's management API")
    @Test
    void sign_ups_from_one_address_beyond_its_hour_are_answered_429() throws Exception {
        // An hour of its own, far from the other tests' sign-ups.
        advanceServerClock(Duration.ofDays(600));
        try (ServerSetting perAddress = ServerSetting.set("signup.per-address-per-hour", "3", TEST_SERVERS_SIGN_UPS);
             Browser farm = new Browser(baseUrl()).from("127.0.0.5")) {
            // 1. Three throw-away accounts from one address...
            for (int i = 0; i < 3; i++) {
                farm.cookies().clearCookies();
                signUpWith(farm, "Farm " + i, uniqueEmail("farm" + i));
                assertTrue(farm.shows("Check your inbox to finish"), farm.text());
            }
            // 2. ...and the fourth within the hour is refused: 429 with Retry-After.
            farm.cookies().clearCookies();
            signUpWith(farm, "Farm 3", uniqueEmail("farm3"));
            assertEquals(429, farm.status());
            assertTrue(farm.shows("Too many accounts were created from your network in the last hour."), farm.text());
            assertTrue(farm.html().getWebResponse().getResponseHeaderValue("Retry-After") != null);
            // 3. Someone else, at another address, signs up as usual.
            signUp("Neighbour", uniqueEmail("neighbour"));
            assertEquals("/", browser.path(), browser.describe());
        }
    }

    private static void guessTenTimes(Browser from, String email) {
        for (int i = 0; i < 10; i++) {
            from.cookies().clearCookies(); // a new session each time does not help
            signInWith(from, email, "wrong guess number " + i);
            assertTrue(from.shows(REFUSED), from.text());
        }
    }

    private static void signInWith(Browser from, String email, String password) {
        from.open("/signin.xhtml").fillIn("Email", email).fillIn("Password", password).press("Sign in");
    }

    private static void signUpWith(Browser from, String accountName, String email) {
        from.open("/create-account.xhtml")
                .fillIn("Account name", accountName)
                .fillIn("Email", email)
                .fillIn("Password", PASSWORD)
                .press("Create account");
    }
}

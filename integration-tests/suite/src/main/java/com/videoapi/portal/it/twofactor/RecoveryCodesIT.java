package com.videoapi.portal.it.twofactor;

import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.WildFlyOnly;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recovery codes (issue 11): shown once when 2FA is switched on, each signs in once, a new set
 * replaces the old, guesses count towards the code step's lock, and 2FA off takes them away.
 */
class RecoveryCodesIT extends PortalTest {

    private static final String CODE_SHAPE = "[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}";

    @Test
    void switching_two_factor_on_shows_ten_codes_once_below_enabled_with_download_and_continue() throws Exception {
        String number = uniqueUkMobile();
        personWithTwoFactor("rca", number);
        // 1. "enabled" at once, ten codes below it, each of the human-friendly shape, all different.
        String page = browser.text();
        assertTrue(page.indexOf("Two-factor authentication is enabled.") < page.indexOf("Your recovery codes"), page);
        List<String> codes = shownCodes();
        assertEquals(10, codes.size(), page);
        assertTrue(codes.stream().allMatch(c -> c.matches(CODE_SHAPE)), codes.toString());
        assertEquals(10, codes.stream().distinct().count());
        for (String words : List.of("Download", "Copy", "Print", "I have saved these codes", "Continue")) {
            assertTrue(browser.shows(words), words);
        }
        // 2. Download: a text file of the same codes, as an attachment, not kept by caches.
        HttpResponse<String> file = HttpClient.newHttpClient().send(formPost("/profile.xhtml",
                "recovery-codes-form", "recovery-codes-form", "recovery-codes-form:download", "Download"),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, file.statusCode());
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"), file.headers().toString());
        assertTrue(file.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        for (String code : codes) {
            assertTrue(file.body().contains(code), file.body());
        }
        // 3. Continue needs the tick box; then the codes are gone from the page, for good.
        browser.press("Continue");
        assertTrue(browser.shows("Tick \"I have saved these codes\" first"), browser.describe());
        assertEquals(codes, shownCodes());
        browser.check("I have saved these codes").press("Continue");
        assertTrue(shownCodes().isEmpty());
        browser.open("/profile.xhtml");
        assertTrue(shownCodes().isEmpty());
        assertFalse(browser.shows(codes.get(0)));
        assertTrue(browser.shows("Recovery codes: 10 left"), browser.describe());
        assertTrue(browser.shows("Recovery codes generated"), "audited");
    }

    @Test
    void a_recovery_code_signs_in_once_and_the_page_after_says_how_many_are_left() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("rcb", number);
        List<String> codes = savedCodes();
        browser.press("Sign out");
        // 1. At the code step: "Use a recovery code". Typed in capitals without dashes, it still reads.
        signIn(email, PASSWORD);
        browser.press("Use a recovery code");
        assertEquals("/signin-recovery.xhtml", browser.path());
        assertTrue(browser.shows("Try another way"));
        browser.fillIn("Recovery code", codes.get(0).replace("-", "").toUpperCase()).press("Verify");
        assertEquals("/", browser.path(), browser.describe());
        assertTrue(browser.shows("You signed in with a recovery code. Recovery codes left: 9."), browser.describe());
        assertFalse(browser.shows("running out"));
        browser.open("/profile.xhtml");
        assertTrue(browser.shows("Recovery codes: 9 left"));
        assertTrue(browser.shows("Recovery code used"), "audited");
        browser.press("Sign out");
        // 2. The same code again: refused, and the person is not signed in.
        signIn(email, PASSWORD);
        browser.press("Use a recovery code").fillIn("Recovery code", codes.get(0)).press("Verify");
        assertEquals("/signin-recovery.xhtml", browser.path());
        assertTrue(browser.shows("That recovery code is not right, or it was used already."), browser.describe());
        // 3. Down to three: the page after sign-in suggests new ones.
        for (int i = 1; i <= 6; i++) {
            browser.fillIn("Recovery code", codes.get(i)).press("Verify");
            assertEquals("/", browser.path(), browser.describe());
            browser.press("Sign out");
            signIn(email, PASSWORD);
            browser.press("Use a recovery code");
        }
        browser.fillIn("Recovery code", codes.get(7)).press("Verify");
        assertTrue(browser.shows("Recovery codes left: 2."), browser.describe());
        assertTrue(browser.shows("You are running out of recovery codes"), browser.describe());
        assertTrue(browser.shows("Generate new codes"));
    }

    @Test
    void new_codes_need_a_fresh_proof_and_the_old_set_stops_working() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("rcc", number);
        List<String> old = savedCodes();
        browser.press("Sign out");
        signInWithCode(email, number, false);
        // 1. Later (the sign-in's proof is no longer fresh), "Generate new codes" asks to confirm it's you:
        //    the password, then a code (this device is not trusted).
        advanceServerClock(Duration.ofMinutes(6));
        browser.open("/profile.xhtml").press("Generate new codes");
        assertTrue(browser.shows("confirm it's you"), browser.describe());
        assertTrue(shownCodes().isEmpty());
        browser.fillIn("Confirm with your password", PASSWORD).press("Confirm it's you");
        browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Confirm");
        // 2. A new set, shown once.
        List<String> fresh = shownCodes();
        assertEquals(10, fresh.size(), browser.describe());
        assertTrue(fresh.stream().noneMatch(old::contains));
        browser.check("I have saved these codes").press("Continue");
        browser.press("Sign out");
        // 3. An old code is refused; a new one signs in.
        signIn(email, PASSWORD);
        browser.press("Use a recovery code").fillIn("Recovery code", old.get(1)).press("Verify");
        assertEquals("/signin-recovery.xhtml", browser.path());
        browser.fillIn("Recovery code", fresh.get(1)).press("Verify");
        assertEquals("/", browser.path(), browser.describe());
        assertTrue(browser.shows("Recovery codes left: 9."));
    }

    @Test
    void removed_codes_stop_working() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("rcg", number);
        List<String> codes = savedCodes();
        // Remove, on the recovery codes' row of the methods (the proof from switching 2FA on is still fresh).
        browser.pressNamed("Remove recovery codes");
        assertTrue(browser.shows("Your recovery codes were removed."), browser.describe());
        assertTrue(browser.shows("Recovery codes: 0 left"));
        assertTrue(browser.shows("Recovery codes removed"), "audited");
        browser.press("Sign out");
        signIn(email, PASSWORD);
        browser.press("Use a recovery code").fillIn("Recovery code", codes.get(0)).press("Verify");
        assertEquals("/signin-recovery.xhtml", browser.path());
    }

    @Test
    void wrong_recovery_codes_count_towards_the_code_lock_with_texted_codes() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("rcd", number);
        List<String> codes = savedCodes();
        browser.press("Sign out");
        signIn(email, PASSWORD);
        // 1. Ten wrong recovery codes (some malformed): the code step locks.
        browser.press("Use a recovery code");
        for (int i = 0; i < 10; i++) {
            browser.fillIn("Recovery code", i % 2 == 0 ? "abcd-efgh-jk" + (10 + i) : "not a code").press("Verify");
            assertEquals("/signin-recovery.xhtml", browser.path());
        }
        // 2. Locked: the right recovery code and the right texted code are refused alike.
        browser.fillIn("Recovery code", codes.get(0)).press("Verify");
        assertEquals("/signin-recovery.xhtml", browser.path());
        waitOutResendCooldown();
        browser.press("Text me a code");
        assertEquals("/signin-code.xhtml", browser.path());
        browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Verify");
        assertEquals("/signin-code.xhtml", browser.path());
        assertTrue(browser.shows("That code is not right."));
        // 3. After the lock the code that was refused still works: a refused code is not spent.
        advanceServerClock(Duration.ofMinutes(16));
        browser.press("Use a recovery code").fillIn("Recovery code", codes.get(0)).press("Verify");
        assertEquals("/", browser.path(), browser.describe());
        assertTrue(browser.shows("Recovery codes left: 9."));
    }

    @WildFlyOnly("on Payara's embedded H2 (jdbc/__default) the row locks do not hold concurrent requests back: they"
            + " fail on optimistic version checks (500) instead of taking turns; as GuessingCodesIT's races")
    @Test
    void one_code_sent_twice_at_once_signs_in_exactly_once() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("rce", number);
        List<String> codes = savedCodes();
        browser.press("Sign out");
        // Two sign-ins (two sessions), each at the recovery page, post the same code at once.
        List<HttpRequest> posts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            browser.cookies().clearCookies();
            signIn(email, PASSWORD);
            browser.press("Use a recovery code");
            posts.add(formPost("/signin-recovery.xhtml", "signin-recovery", "signin-recovery",
                    "signin-recovery:verify", "Verify", "signin-recovery:code", codes.get(3)));
        }
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        List<CompletableFuture<HttpResponse<String>>> sent = posts.stream()
                .map(p -> http.sendAsync(p, HttpResponse.BodyHandlers.ofString())).toList();
        List<HttpResponse<String>> answers = sent.stream().map(CompletableFuture::join).toList();
        String seen = answers.stream().map(a -> a.statusCode() + " " + a.headers().firstValue("Location").orElse(""))
                .collect(Collectors.joining(", "));
        assertEquals(1, answers.stream().filter(a -> a.statusCode() == 302
                && a.headers().firstValue("Location").orElse("").contains("recovery-code-used")).count(), seen);
        assertTrue(answers.stream().noneMatch(a -> a.statusCode() >= 500), seen);
        // The code is spent once: nine left.
        browser.cookies().clearCookies();
        signIn(email, PASSWORD);
        browser.press("Use a recovery code").fillIn("Recovery code", codes.get(4)).press("Verify");
        assertTrue(browser.shows("Recovery codes left: 8."), browser.describe());
    }

    @Test
    void switching_two_factor_off_takes_the_codes_away_and_on_again_makes_a_new_set() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("rcf", number);
        List<String> codes = savedCodes();
        browser.press("Sign out");
        signInWithCode(email, number, true);
        browser.open("/profile.xhtml").uncheck("Use 2FA").fillIn("Password", PASSWORD).press("Turn off 2FA");
        assertTrue(browser.shows("Two-factor authentication is disabled."), browser.describe());
        assertFalse(browser.shows("Recovery codes:"));
        // On again: a new first set, and the old codes do nothing.
        waitOutResendCooldown();
        enableTwoFactor(number, number);
        List<String> fresh = shownCodes();
        assertEquals(10, fresh.size(), browser.describe());
        assertNotEquals(codes, fresh);
        browser.check("I have saved these codes").press("Continue");
        browser.press("Sign out");
        browser.cookies().clearCookies();
        signIn(email, PASSWORD);
        browser.press("Use a recovery code").fillIn("Recovery code", codes.get(0)).press("Verify");
        assertEquals("/signin-recovery.xhtml", browser.path());
    }
}

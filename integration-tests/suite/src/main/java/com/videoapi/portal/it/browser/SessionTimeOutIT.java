package com.videoapi.portal.it.browser;

import com.videoapi.portal.it.support.ChromiumTest;
import com.videoapi.portal.it.support.ServerSetting;
import com.videoapi.portal.it.support.WildFlyOnly;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing times out without a warning and a way to extend it (WCAG 2.2.1): the session's idle
 * timeout, in real time in Chromium with a short one; and the absolute end of a signed-in session,
 * which cannot be extended and is announced instead; and a code that timed out, which is explained,
 * with "Send a new code" offered.
 */
class SessionTimeOutIT extends ChromiumTest {

    private static final Duration IDLE = Duration.ofSeconds(40);

    @Test
    @WildFlyOnly("shortens session.idle-timeout in the running server (ServerSetting)")
    void the_page_warns_before_the_session_ends_and_extend_session_keeps_it() throws InterruptedException {
        try (ServerSetting idle = ServerSetting.set("session.idle-timeout", IDLE.toString(), "PT30M")) {
            // 1. A new account, signed in: a session of 40 s idle time, warned of 20 s before its end.
            signUpInChromium("tim");
            Instant lastRequest = Instant.now();
            WebElement warning = chromium.findElement(By.id("session-warning"));
            assertFalse(warning.isDisplayed());

            // 2. The warning, with the button focused: one key press extends the session.
            waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOf(warning));
            assertTrue(warning.getText().contains("For your security, your session ends at"), warning.getText());
            assertEquals(button("Extend session"), chromium.switchTo().activeElement());
            // Pressed at once: a scan first could take the warning's 20 s on a busy machine (it is scanned in 4).
            button("Extend session").click();
            waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.invisibilityOf(warning));
            waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.textToBe(By.id("announcements"), "Your session has been extended."));

            // 3. Past the end the session had without the button, it is still there.
            sleepUntil(lastRequest.plus(IDLE).plusSeconds(5));
            open("/profile.xhtml");
            assertEquals("Profile", chromium.findElement(By.tagName("h1")).getText(), "still signed in");
            warning = chromium.findElement(By.id("session-warning"));

            // 4. Left alone, the page warns again, then says when the session has ended, and the server agrees.
            waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOf(warning));
            assertAccessible("the warning before the session ends");
            waitUpTo(IDLE.plusSeconds(15)).until(ExpectedConditions.textToBePresentInElement(warning, "Your session has ended"));
            assertAccessible("the session has ended");
            follow(chromium.findElement(By.linkText("Start again")));
            assertEquals("Sign in", chromium.findElement(By.tagName("h1")).getText());
        }
    }

    @Test
    void the_end_that_no_activity_extends_is_announced_and_not_offered_to_extend() {
        Instant beforeSignIn = Instant.now();
        signUpInChromium("abe");
        // 12 hours after sign-in a session ends, however active: here in 30 s (and the time the sign-in took).
        advanceServerClock(Duration.ofHours(12).minusSeconds(30).minus(Duration.between(beforeSignIn, Instant.now())));
        open("/profile.xhtml");
        WebElement warning = chromium.findElement(By.id("session-warning"));
        waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOf(warning));
        assertTrue(warning.getText().contains("you will be signed out at"), warning.getText());
        assertFalse(button("Extend session").isDisplayed(), "no button that could not keep its word");
        assertAccessible("the warning before the absolute end of the session");
        waitUpTo(Duration.ofSeconds(60)).until(ExpectedConditions.textToBePresentInElement(warning, "Your session has ended"));
        follow(chromium.findElement(By.linkText("Start again")));
        assertEquals("Sign in", chromium.findElement(By.tagName("h1")).getText());
    }

    @Test
    void a_sign_in_code_that_timed_out_is_explained_and_a_new_one_is_offered() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("ula", number);
        browser.press("Sign out");
        signIn(email, PASSWORD);
        var sent = verifyApi.lastSentTo(number);
        verifyApi.expire(sent.requestId());
        browser.fillIn("Verification code", sent.code()).press("Verify");
        assertTrue(browser.shows("This code has expired or has been tried too many times. Send a new code."), browser.describe());
        assertEquals(1, browser.html().getByXPath("//input[@value='Send a new code' and contains(@class,'emphasised')]").size());
        // The sign-in under way is kept: a new code, and the person is in, without the password again.
        waitOutResendCooldown();
        browser.press("Send a new code");
        browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Verify");
        assertEquals("ula's account", browser.heading(), browser.describe());
    }

    private void signUpInChromium(String who) {
        open("/create-account.xhtml");
        type("Account name", who + "'s videos");
        String email = uniqueEmail(who);
        type("Email", email);
        type("Password", PASSWORD);
        click("Create account");
        signInAfterSignUp(email);
        assertEquals(who + "'s videos", chromium.findElement(By.tagName("h1")).getText());
    }

    private WebDriverWait waitUpTo(Duration duration) {
        return new WebDriverWait(chromium, duration, Duration.ofMillis(200));
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}

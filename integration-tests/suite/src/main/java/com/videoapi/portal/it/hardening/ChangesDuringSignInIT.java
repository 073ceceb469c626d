package com.videoapi.portal.it.hardening;

import com.videoapi.portal.it.support.Browser;
import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.WildFlyOnly;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sign-in that started before a new password, a 2FA switch or a new trusted device cannot finish
 * (issue 9, races between requests): the user's session epoch is read before the password is
 * checked and compared at the end of the sign-in's last step. (Switching 2FA off, and a new sign-in
 * code, also cancel the code of a sign-in half-way; a new password and "Sign out everywhere" do
 * not, so they are the tests.)
 */
class ChangesDuringSignInIT extends PortalTest {

    private static final String NEW_PASSWORD = "a brand new long passphrase";

    @Test
    void a_sign_in_waiting_for_its_code_cannot_finish_after_the_owner_changed_the_password() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("mid", number);
        try (Browser attacker = new Browser(baseUrl())) {
            // 1. The attacker knows the password and is half-way: the code page.
            attacker.open("/signin.xhtml").fillIn("Email", email).fillIn("Password", PASSWORD).press("Sign in");
            assertEquals("/signin-code.xhtml", attacker.path());
            String code = verifyApi.lastCodeSentTo(number);
            // 2. The owner, signed in elsewhere, changes the password.
            browser.open("/profile.xhtml").fillIn("Current password", PASSWORD)
                    .fillIn("New password", NEW_PASSWORD).press("Change password");
            assertTrue(browser.shows("Your password was changed."), browser.describe());
            // 3. The attacker gets hold of the code (a swapped SIM, a shoulder): the sign-in cannot finish.
            attacker.fillIn("Verification code", code).press("Verify");
            assertEquals("/signin.xhtml", attacker.path(), attacker.text());
            assertTrue(attacker.shows("changed while you were signing in"), attacker.text());
            attacker.open("/profile.xhtml");
            assertEquals("/signin.xhtml", attacker.path(), "nobody is signed in");
        }
        // The owner's own session carries on.
        assertEquals("/profile.xhtml", browser.open("/profile.xhtml").path());
    }

    @Test
    void a_sign_in_waiting_for_its_code_cannot_finish_after_the_owner_signed_out_everywhere() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("all", number);
        try (Browser attacker = new Browser(baseUrl())) {
            attacker.open("/signin.xhtml").fillIn("Email", email).fillIn("Password", PASSWORD).press("Sign in");
            assertEquals("/signin-code.xhtml", attacker.path());
            String code = verifyApi.lastCodeSentTo(number);
            // The owner sees a sign-in they did not make and signs out everywhere (which cancels no code).
            browser.open("/profile.xhtml").press("Sign out everywhere");
            assertTrue(browser.shows("You have signed out."), browser.describe());
            attacker.fillIn("Verification code", code).press("Verify");
            assertEquals("/signin.xhtml", attacker.path(), attacker.text());
            assertTrue(attacker.shows("changed while you were signing in"), attacker.text());
            attacker.open("/profile.xhtml");
            assertEquals("/signin.xhtml", attacker.path(), "nobody is signed in");
        }
    }

    /**
     * Sign-ins with the old password fired at the moment the password changes: however they
     * interleave with it, none keeps a session afterwards (a sign-in that read the old hash carries
     * the epoch it read before, which the change moved on).
     */
    @WildFlyOnly("on Payara's embedded H2 (jdbc/__default) the row locks do not hold concurrent requests back: the"
            + " password change racing twelve sign-ins at times fails on an optimistic version check (500) instead of"
            + " taking its turn (as in GuessingCodesIT; use PostgreSQL there, docs/operating-payara.md)")
    @Test
    void sign_ins_racing_a_new_password_keep_no_session_after_it() throws Exception {
        String email = uniqueEmail("race");
        signUp("Racing", email);
        browser.open("/profile.xhtml").fillIn("Current password", PASSWORD).fillIn("New password", NEW_PASSWORD);
        int signIns = 12;
        List<Browser> others = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(signIns + 1);
        try {
            for (int i = 0; i < signIns; i++) {
                // Each from an address of its own: thirteen password checks at once from one address would
                // meet that source's lock (every check counts until it proves right), not the race tested here.
                Browser other = new Browser(baseUrl()).from("127.0.1." + (i + 1));
                other.open("/signin.xhtml").fillIn("Email", email).fillIn("Password", PASSWORD);
                others.add(other);
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (Browser other : others) {
                done.add(threads.submit(() -> {
                    go.await();
                    return other.press("Sign in");
                }));
            }
            done.add(threads.submit(() -> {
                go.await();
                return browser.press("Change password");
            }));
            go.countDown();
            for (Future<?> each : done) {
                each.get(2, TimeUnit.MINUTES);
            }
            assertTrue(browser.shows("Your password was changed."), browser.describe());
            int signedInThen = 0;
            for (Browser other : others) {
                if ("/".equals(other.path())) {
                    signedInThen++;
                }
                other.open("/profile.xhtml");
                assertEquals("/signin.xhtml", other.path(), "a sign-in with the old password outlived the change");
            }
            System.out.println("Sign-ins with the old password that got in before the change ended them: " + signedInThen
                    + " of " + signIns);
            assertEquals("/profile.xhtml", browser.open("/profile.xhtml").path(), "the changing session stays");
        } finally {
            threads.shutdownNow();
            others.forEach(Browser::close);
        }
    }
}

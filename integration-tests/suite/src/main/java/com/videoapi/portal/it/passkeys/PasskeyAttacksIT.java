package com.videoapi.portal.it.passkeys;

import com.videoapi.portal.it.support.Browser;
import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.SoftwareAuthenticator;
import com.videoapi.portal.it.support.WildFlyOnly;
import org.htmlunit.html.HtmlHiddenInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Passkeys over HTTP, answered by a {@link SoftwareAuthenticator} as an attacker would answer them:
 * the page's own ceremony options, a response posted in the form's hidden field as the page's script
 * posts it. What a real browser does is {@code PasskeysInChromiumIT}'s.
 */
class PasskeyAttacksIT extends PortalTest {

    private static final String PASSKEY_PAGE = "/signin-passkey.xhtml";

    @BeforeEach
    void freshFake() {
        verifyApi.reset();
    }

    @Test
    void after_the_password_the_passkey_is_offered_first_and_signs_in_without_any_code() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("pk", number);
        SoftwareAuthenticator key = new SoftwareAuthenticator(baseUrl());
        addPasskey(key, "My key");
        assertTrue(browser.shows("The passkey was added."), browser.describe());
        assertTrue(browser.shows("My key"), browser.describe());
        browser.press("Sign out");

        long codes = codesSentTo(number);
        signIn(email, PASSWORD);
        assertEquals(PASSKEY_PAGE, browser.path());
        assertEquals("Use your passkey", browser.heading());
        usePasskey(key.signIn(passkeyOptions()));
        assertEquals("pk's account", browser.heading(), browser.describe());
        assertEquals(codes, codesSentTo(number), "no text message: the passkey was the second factor");

        browser.open("/profile.xhtml");
        assertTrue(browser.shows("Sign in passkey succeeded"), browser.describe());
        assertFalse(browser.shows("Not yet"), "the passkey's last use is shown");
    }

    @Test
    void the_passkey_page_offers_a_code_by_text_message_instead() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("sms", number);
        addPasskey(new SoftwareAuthenticator(baseUrl()), "Key");
        browser.press("Sign out");
        waitOutResendCooldown();

        signIn(email, PASSWORD);
        browser.press("Send a code by text message instead");
        assertEquals("/signin-code.xhtml", browser.path());
        assertTrue(browser.shows(masked(number)), "the code page says where the code went: " + browser.text());
        browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Verify");
        assertEquals("sms's account", browser.heading(), browser.describe());
    }

    @Test
    void a_replayed_assertion_is_refused_and_audited() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("replay", number);
        SoftwareAuthenticator key = new SoftwareAuthenticator(baseUrl());
        addPasskey(key, "Key");
        browser.press("Sign out");

        signIn(email, PASSWORD);
        String captured = key.signIn(passkeyOptions());
        usePasskey(captured);
        assertEquals("replay's account", browser.heading());
        browser.press("Sign out");

        // The attacker, who knows the password and captured that answer, sends it to a new sign-in.
        signIn(email, PASSWORD);
        usePasskey(captured);
        assertEquals(PASSKEY_PAGE, browser.path());
        assertTrue(browser.shows("The passkey could not be verified."), browser.describe());

        // The same challenge twice: the page's challenge answered once (wrongly), then rightly: spent.
        String options = passkeyOptions();
        usePasskey("{\"id\":\"not-a-credential\"}");
        usePasskey(key.signIn(options));
        assertEquals(PASSKEY_PAGE, browser.path(), "a challenge answers one response only");

        // The owner, with this page's challenge, still signs in; the trail shows the refusals.
        usePasskey(key.signIn(passkeyOptions()));
        assertEquals("replay's account", browser.heading(), browser.describe());
        browser.open("/profile.xhtml");
        assertTrue(browser.shows("Sign in passkey failed"), browser.describe());
    }

    @Test
    void an_assertion_made_with_another_users_passkey_is_refused() {
        SoftwareAuthenticator alicesKey = new SoftwareAuthenticator(baseUrl());
        personWithTwoFactor("alice", uniqueUkMobile());
        addPasskey(alicesKey, "Alice's key");
        browser.press("Sign out");
        SoftwareAuthenticator bobsKey = new SoftwareAuthenticator(baseUrl());
        String bob = personWithTwoFactor("bob", uniqueUkMobile());
        addPasskey(bobsKey, "Bob's key");
        browser.press("Sign out");

        // Alice knows Bob's password and answers his sign-in's challenge with her own passkey.
        signIn(bob, PASSWORD);
        usePasskey(alicesKey.signIn(passkeyOptions()));
        assertEquals(PASSKEY_PAGE, browser.path());
        assertTrue(browser.shows("That passkey does not belong to this account."), browser.describe());

        usePasskey(bobsKey.signIn(passkeyOptions()));
        assertEquals("bob's account", browser.heading(), browser.describe());
    }

    @Test
    void a_signature_counter_that_goes_backwards_is_refused() {
        String email = personWithTwoFactor("clone", uniqueUkMobile());
        SoftwareAuthenticator key = new SoftwareAuthenticator(baseUrl());
        addPasskey(key, "Key");
        browser.press("Sign out");
        signIn(email, PASSWORD);
        usePasskey(key.signIn(passkeyOptions(), 7));
        assertEquals("clone's account", browser.heading(), browser.describe());
        browser.press("Sign out");

        // A copy of the key, which counted less: a clone.
        signIn(email, PASSWORD);
        usePasskey(key.signIn(passkeyOptions(), 7));
        assertEquals(PASSKEY_PAGE, browser.path());
        assertTrue(browser.shows("This passkey was refused: it looks copied."), browser.describe());
        usePasskey(key.signIn(passkeyOptions(), 8));
        assertEquals("clone's account", browser.heading(), browser.describe());
    }

    @Test
    void a_passkey_made_for_another_origin_is_not_added() {
        personWithTwoFactor("phish", uniqueUkMobile());
        addPasskey(new SoftwareAuthenticator("https://portal.example.net"), "Phished");
        assertTrue(browser.shows("The passkey could not be added"), browser.describe());
        assertTrue(browser.shows("No passkey or security key added yet."), browser.describe());
    }

    @Test
    void adding_a_passkey_needs_2fa_on_and_a_fresh_proof() {
        signUp("No 2FA", uniqueEmail("no2fa"));
        browser.open("/profile.xhtml");
        assertTrue(browser.shows("Switch on two-factor authentication to add a passkey"), browser.describe());
        assertTrue(browser.html().getByXPath("//input[@value='Add a passkey or security key']").isEmpty());
        browser.press("Sign out");

        String number = uniqueUkMobile();
        personWithTwoFactor("stale", number);
        // Someone finds the session six minutes later.
        advanceServerClock(Duration.ofMinutes(6));
        addPasskey(new SoftwareAuthenticator(baseUrl()), "Intruder's key");
        assertTrue(browser.shows("For your security, confirm it's you before this change."), browser.describe());
        assertTrue(browser.shows("No passkey or security key added yet."), browser.describe());
        browser.fillIn("Confirm with your password", PASSWORD).press("Confirm it's you");
        browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Confirm");
        assertTrue(browser.shows("The passkey was added."), browser.describe());
    }

    @Test
    void removing_a_passkey_and_switching_2fa_off_take_it_away() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("rm", number);
        SoftwareAuthenticator first = new SoftwareAuthenticator(baseUrl());
        addPasskey(first, "First");
        addPasskey(new SoftwareAuthenticator(baseUrl()), "Second");
        browser.pressNamed("Remove First");
        assertTrue(browser.shows("The passkey was removed."), browser.describe());
        assertFalse(browser.shows("First"), browser.describe());
        assertTrue(browser.shows("Second"), browser.describe());

        browser.open("/profile.xhtml").uncheck("Use 2FA").fillIn("Password", PASSWORD).press("Turn off 2FA");
        browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Confirm");
        assertTrue(browser.shows("Two-factor authentication is disabled."), browser.describe());
        assertFalse(browser.shows("Second"), "2FA off removes the passkeys: " + browser.text());
        browser.press("Sign out");

        // The password alone signs in now (2FA off), and no passkey page is offered.
        signIn(email, PASSWORD);
        assertEquals("rm's account", browser.heading(), browser.describe());
    }

    /**
     * An attacker's race: one signed answer posted twice at the same moment (a double click, a replay
     * sent alongside). The ceremony's challenge is taken once: at most one signs in, and the counter
     * the passkey reached holds afterwards.
     */
    @Test
    void the_same_signed_answer_posted_twice_at_once_signs_in_once_at_most() throws Exception {
        String email = personWithTwoFactor("twin", uniqueUkMobile());
        SoftwareAuthenticator key = new SoftwareAuthenticator(baseUrl());
        addPasskey(key, "Key");
        browser.press("Sign out");
        signIn(email, PASSWORD);
        String answer = key.signIn(passkeyOptions(), 5);

        List<HttpResponse<String>> answers = sentAtOnce(List.of(usePasskeyPost(browser, answer), usePasskeyPost(browser, answer)));
        long signedIn = answers.stream().filter(PasskeyAttacksIT::signedIn).count();
        String seen = answers.stream().map(a -> a.statusCode() + " " + a.headers().firstValue("Location").orElse("")).toList().toString();
        assertTrue(signedIn <= 1, "at most one of the two signs in: " + seen);
        // Known defect, not asserted here: the loser, whose session the winner's sign-in renamed
        // (changeSessionId) while it ran, reads the old session and fails with a bare 500
        // (IllegalStateException from WildFly's distributable session in SecondStep.pending, and again on
        // the error page). Nothing is signed in by it; what this test holds is that.

        // The counter holds: a later answer with the same count is a clone's; one above it signs in.
        // (A new browser: a sign-in over the racing requests gave their session a new id.)
        browser.close();
        browser = new Browser(baseUrl());
        signIn(email, PASSWORD);
        if (signedIn == 1) {
            usePasskey(key.signIn(passkeyOptions(), 5));
            assertTrue(browser.shows("This passkey was refused: it looks copied."), browser.describe());
        }
        usePasskey(key.signIn(passkeyOptions(), 6));
        assertEquals("twin's account", browser.heading(), browser.describe());
    }

    /**
     * An attacker with the password and a copy of the key answers two sign-ins (two sessions, two
     * challenges) with the same signature counter at the same moment. Each ceremony is good, so only
     * the counter, read and written under the user's row lock, tells them apart: exactly one signs in.
     */
    @Test
    @WildFlyOnly("two requests at once on Payara's embedded H2, as the other race tests: its row locks do not hold"
            + " them back (use PostgreSQL there, docs/operating-payara.md)")
    void a_cloned_key_answering_two_sign_ins_at_once_with_one_counter_signs_in_once() throws Exception {
        String email = personWithTwoFactor("clones", uniqueUkMobile());
        SoftwareAuthenticator key = new SoftwareAuthenticator(baseUrl());
        addPasskey(key, "Key");
        browser.press("Sign out");
        try (Browser other = new Browser(baseUrl())) {
            signIn(email, PASSWORD);
            other.open("/signin.xhtml").fillIn("Email", email).fillIn("Password", PASSWORD).press("Sign in");
            assertEquals(PASSKEY_PAGE, other.path());
            String mine = key.signIn(passkeyOptions(), 9);
            String theirs = key.signIn(other.html().getElementById("signin-passkey").getAttribute("data-passkey-options"), 9);

            List<HttpResponse<String>> answers = sentAtOnce(List.of(usePasskeyPost(browser, mine), usePasskeyPost(other, theirs)));
            assertEquals(1, answers.stream().filter(PasskeyAttacksIT::signedIn).count(),
                    "exactly one signs in: " + answers.stream().map(HttpResponse::statusCode).toList());
            HttpResponse<String> refused = answers.stream().filter(a -> !signedIn(a)).findFirst().orElseThrow();
            assertEquals(200, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("This passkey was refused: it looks copied."), refused.body());
        }
        // The counter holds at 9: 9 again is refused, 10 signs in.
        browser.close();
        browser = new Browser(baseUrl());
        signIn(email, PASSWORD);
        usePasskey(key.signIn(passkeyOptions(), 9));
        assertTrue(browser.shows("This passkey was refused: it looks copied."), browser.describe());
        usePasskey(key.signIn(passkeyOptions(), 10));
        assertEquals("clones's account", browser.heading(), browser.describe());
    }

    /** A successful sign-in answers with a redirect to the account home. */
    private static boolean signedIn(HttpResponse<String> answer) {
        return answer.statusCode() / 100 == 3 && answer.headers().firstValue("Location").orElse("").matches(".*/(\\?.*)?$");
    }

    /** "Use your passkey" of the passkey page open in {@code in}, with {@code answer} in its hidden field, by hand. */
    private static HttpRequest usePasskeyPost(Browser in, String answer) {
        return formPost(in, PASSKEY_PAGE, "signin-passkey", "signin-passkey", "signin-passkey:passkey-response", answer,
                "signin-passkey:use-passkey", "Use your passkey");
    }

    private void addPasskey(SoftwareAuthenticator key, String name) {
        browser.open("/profile.xhtml");
        String options = browser.html().getElementById("passkeys").getAttribute("data-passkey-options");
        browser.fillIn("Name of the new passkey", name);
        hidden("passkeys:passkey-response", key.register(options));
        browser.press("Add a passkey or security key");
    }

    private String passkeyOptions() {
        return browser.html().getElementById("signin-passkey").getAttribute("data-passkey-options");
    }

    private void usePasskey(String response) {
        hidden("signin-passkey:passkey-response", response);
        browser.press("Use your passkey");
    }

    /** What the page's script does with the authenticator's answer. */
    private void hidden(String id, String value) {
        ((HtmlHiddenInput) browser.html().getElementById(id)).setValue(value);
    }
}

package com.videoapi.portal.it.methods;

import com.videoapi.portal.it.support.AuthenticatorApp;
import com.videoapi.portal.it.support.Browser;
import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.SoftwareAuthenticator;
import com.videoapi.portal.security.verification.fake.FakeVerifyApi.SentCode;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlHiddenInput;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Confirm it's you" by any current factor (issue 11): after the password, the code to the number,
 * the app's code, a passkey or a recovery code (spent); nothing more on a trusted device. Guesses
 * count toward the code lock, and a proof counts only for the user who gave it.
 */
class FreshProofIT extends PortalTest {

    private static final String STALE_PROOF = "For your security, confirm it's you before this change.";

    @BeforeEach
    void freshFake() {
        verifyApi.reset();
    }

    @Test
    void the_app_proves_it_and_when_it_is_the_default_no_text_message_goes_out() {
        String number = uniqueUkMobile();
        personWithTwoFactor("fpa", number);
        savedCodes();
        AuthenticatorApp app = addAuthenticatorApp();
        ((HtmlRadioButtonInput) browser.field("Authenticator app")).setChecked(true);
        browser.press("Save");
        assertTrue(browser.shows("Your sign-in methods were saved."), browser.describe());
        long sent = codesSentTo(number);

        // 1. Later, "Generate new codes" asks to confirm it's you; after the password, every method is offered.
        advanceServerClock(Duration.ofMinutes(6));
        browser.open("/profile.xhtml").press("Generate new codes");
        assertTrue(browser.shows(STALE_PROOF), browser.describe());
        browser.fillIn("Confirm with your password", PASSWORD).press("Confirm it's you");
        assertTrue(browser.shows("Now confirm with one of your sign-in methods."), browser.describe());
        assertEquals(sent, codesSentTo(number), "the app is the default: no text message");
        for (String offered : List.of("Send a code by text message", "Call me instead", "Confirm with the app",
                "Confirm with a recovery code")) {
            assertFalse(browser.html().getByXPath("//input[@value='" + offered + "']").isEmpty(), offered);
        }
        // 2. A wrong app code changes nothing; the right one carries the change out.
        browser.fillIn("Authenticator code", wrongCode(app.codeNow())).press("Confirm with the app");
        assertTrue(browser.shows("That code is not right."), browser.describe());
        assertTrue(shownCodes().isEmpty());
        browser.fillIn("Authenticator code", app.codeNow()).press("Confirm with the app");
        assertEquals(10, shownCodes().size(), browser.describe());
        assertEquals(sent, codesSentTo(number));
        assertTrue(browser.shows("Identity confirmed"), "audited: " + browser.text());
    }

    @Test
    void a_recovery_code_proves_it_once_and_is_spent() {
        String number = uniqueUkMobile();
        personWithTwoFactor("fpr", number);
        List<String> codes = savedCodes();

        // 1. The number is the default: a code goes to it, and a recovery code may stand in for it.
        advanceServerClock(Duration.ofMinutes(6));
        browser.open("/profile.xhtml").press("Change number");
        browser.fillIn("Confirm with your password", PASSWORD).press("Confirm it's you");
        assertTrue(browser.shows("to confirm it's you"), browser.describe());
        browser.fillIn("Recovery code", codes.get(3)).press("Confirm with a recovery code");
        assertTrue(browser.shows("New mobile number"), browser.describe());
        browser.press("Keep current number");
        assertTrue(browser.shows("Recovery codes: 9 left"), browser.describe());

        // 2. Later, the same code again: spent.
        advanceServerClock(Duration.ofMinutes(6));
        browser.open("/profile.xhtml").press("Change number");
        browser.fillIn("Confirm with your password", PASSWORD).press("Confirm it's you");
        browser.fillIn("Recovery code", codes.get(3)).press("Confirm with a recovery code");
        assertTrue(browser.shows("That recovery code is not right, or it was used already."), browser.describe());
        assertFalse(browser.shows("New mobile number"), browser.describe());
        // 3. The texted code still works.
        browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Confirm");
        assertTrue(browser.shows("New mobile number"), browser.describe());
    }

    @Test
    void call_me_instead_reads_out_the_proofs_code_to_the_stored_number() {
        String number = uniqueUkMobile();
        personWithTwoFactor("fpc", number);
        savedCodes();
        advanceServerClock(Duration.ofMinutes(6));
        browser.open("/profile.xhtml").press("Generate new codes");
        browser.fillIn("Confirm with your password", PASSWORD).press("Confirm it's you");
        String texted = verifyApi.lastCodeSentTo(number);
        // Past the resend cooldown, as on the sign-in page: the call replaces the texted code.
        waitOutResendCooldown();
        browser.press("Call me instead");
        assertTrue(browser.shows("We're calling " + masked(number)), browser.describe());
        List<SentCode> calls = verifyApi.codesSent().stream()
                .filter(c -> ("+" + c.to()).equals(number) && "voice".equals(c.channel())).toList();
        assertEquals(1, calls.size(), "one call, to the stored number");
        browser.fillIn("Verification code", texted).press("Confirm");
        assertTrue(shownCodes().isEmpty(), "the texted code was replaced: " + browser.text());
        browser.fillIn("Verification code", calls.get(0).code()).press("Confirm");
        assertEquals(10, shownCodes().size(), browser.describe());
    }

    @Test
    void a_passkey_proves_it_and_is_a_row_of_the_methods() {
        String number = uniqueUkMobile();
        personWithTwoFactor("fpk", number);
        savedCodes();
        SoftwareAuthenticator key = new SoftwareAuthenticator(baseUrl());
        String creation = browser.open("/profile.xhtml").html().getElementById("passkeys").getAttribute("data-passkey-options");
        browser.fillIn("Name of the new passkey", "Desk key");
        hidden("passkeys:passkey-response", key.register(creation));
        browser.press("Add a passkey or security key");
        assertTrue(browser.shows("The passkey was added."), browser.describe());
        DomNode row = browser.html().getFirstByXPath("//table[@id='second-factor-methods']//tr[td[normalize-space()='Passkey: Desk key']]");
        assertTrue(row != null, "the passkey is a row of the methods: " + browser.text());
        long sent = codesSentTo(number);

        // 1. Later: a passkey is the default (offered first), so no text message goes out for the proof.
        advanceServerClock(Duration.ofMinutes(6));
        browser.open("/profile.xhtml").press("Generate new codes");
        browser.fillIn("Confirm with your password", PASSWORD).press("Confirm it's you");
        assertEquals(sent, codesSentTo(number));
        // 2. An answer to another challenge is refused; the page's own signs.
        String options = browser.html().getElementById("security").getAttribute("data-passkey-options");
        assertTrue(options.contains("challenge"), options);
        String answer = key.signIn(options);
        hidden("security:proof-passkey-response", "{\"id\":\"not-a-credential\"}");
        browser.press("Use your passkey");
        assertTrue(shownCodes().isEmpty(), "refused: " + browser.text());
        hidden("security:proof-passkey-response", answer);
        browser.press("Use your passkey");
        assertTrue(shownCodes().isEmpty(), "that challenge was spent: " + browser.text());
        hidden("security:proof-passkey-response",
                key.signIn(browser.html().getElementById("security").getAttribute("data-passkey-options")));
        browser.press("Use your passkey");
        assertEquals(10, shownCodes().size(), browser.describe());
        assertTrue(browser.shows("Identity confirmation failed"), "the refusals are audited: " + browser.text());
    }

    @Test
    void on_a_trusted_device_of_the_user_the_password_is_enough() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("fpt", number);
        savedCodes();
        browser.press("Sign out");
        waitOutResendCooldown();
        signInWithCode(email, number, true);
        long sent = codesSentTo(number);
        advanceServerClock(Duration.ofMinutes(6));
        browser.open("/profile.xhtml").press("Generate new codes");
        browser.fillIn("Confirm with your password", PASSWORD).press("Confirm it's you");
        assertEquals(10, shownCodes().size(), browser.describe());
        assertEquals(sent, codesSentTo(number), "no code: this browser is a trusted device of the user");
    }

    @Test
    void wrong_app_and_recovery_codes_in_the_proof_count_toward_the_code_lock() {
        String number = uniqueUkMobile();
        personWithTwoFactor("fpl", number);
        List<String> codes = savedCodes();
        AuthenticatorApp app = addAuthenticatorApp();
        advanceServerClock(Duration.ofMinutes(6));
        browser.open("/profile.xhtml").press("Generate new codes");
        browser.fillIn("Confirm with your password", PASSWORD).press("Confirm it's you");
        // A script at the page guesses: five app codes, five recovery codes (the lock takes ten of either).
        for (int i = 0; i < 5; i++) {
            browser.fillIn("Authenticator code", wrongCode(app.codeNow())).press("Confirm with the app");
            browser.fillIn("Recovery code", "abcd-efgh-jk" + i + "m").press("Confirm with a recovery code");
        }
        // Locked: the right app code and a right recovery code are refused too, and the code is not spent.
        browser.fillIn("Authenticator code", app.codeNow()).press("Confirm with the app");
        assertTrue(shownCodes().isEmpty(), browser.describe());
        browser.fillIn("Recovery code", codes.get(0)).press("Confirm with a recovery code");
        assertTrue(shownCodes().isEmpty(), browser.describe());
        assertTrue(browser.shows("Recovery codes: 10 left"), "not spent while locked: " + browser.text());
        // After the lock, the right one proves it.
        advanceServerClock(Duration.ofMinutes(16));
        browser.open("/profile.xhtml").press("Generate new codes");
        browser.fillIn("Confirm with your password", PASSWORD).press("Confirm it's you");
        browser.fillIn("Authenticator code", app.codeNow()).press("Confirm with the app");
        assertEquals(10, shownCodes().size(), browser.describe());
    }

    @Test
    void a_proof_given_on_one_users_page_counts_for_no_other_user() {
        String alicesNumber = uniqueUkMobile();
        personWithTwoFactor("alice", alicesNumber);
        savedCodes();
        AuthenticatorApp alicesApp = addAuthenticatorApp();
        String bobsNumber = uniqueUkMobile();
        String bob;
        try (Browser bobsOwn = new Browser(baseUrl())) {
            Browser mine = browser;
            browser = bobsOwn;
            bob = personWithTwoFactor("bob", bobsNumber);
            browser = mine;
        }
        // 1. Alice's page asks her to confirm it's her; she gives the password.
        advanceServerClock(Duration.ofMinutes(6));
        browser.open("/profile.xhtml").press("Generate new codes");
        browser.fillIn("Confirm with your password", PASSWORD).press("Confirm it's you");
        // 2. In another tab the browser signs out and Bob signs in.
        try (Browser tab = browser.newTab()) {
            Browser alicesPage = browser;
            browser = tab;
            browser.open("/").press("Sign out");
            waitOutResendCooldown();
            signInWithCode(bob, bobsNumber, false);
            assertEquals("/", browser.path(), browser.describe());
            advanceServerClock(Duration.ofMinutes(6));
            // 3. Alice's open page, answered with her app: nothing is proven, for her or for Bob (her view went
            //    with her session, or PageUser refuses: "... so nothing was changed" either way).
            browser = alicesPage;
            browser.fillIn("Authenticator code", alicesApp.codeNow()).press("Confirm with the app");
            assertTrue(browser.shows("nothing was changed"), browser.describe());
            assertTrue(shownCodes().isEmpty());
            browser = tab;
            browser.open("/profile.xhtml").press("Generate new codes");
            assertTrue(browser.shows(STALE_PROOF), "Bob must confirm it's him: " + browser.text());
            assertTrue(shownCodes().isEmpty());
            browser = alicesPage;
        }
    }


    /** What the page's script does with the authenticator's answer. */
    private void hidden(String id, String value) {
        ((HtmlHiddenInput) browser.html().getElementById(id)).setValue(value);
    }
}

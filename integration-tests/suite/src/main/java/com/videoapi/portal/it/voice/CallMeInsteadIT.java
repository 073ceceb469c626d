package com.videoapi.portal.it.voice;

import com.videoapi.portal.it.support.MailsAbout;
import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.WildFlyOnly;
import com.videoapi.portal.security.verification.fake.FakeVerifyApi.SentCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Call me instead" on the code pages: a voice verification through Vonage Verify v2 (the fake Verify
 * API records each request's channel) to the same stored number, with its own cooldown, counted in
 * the same budgets as text messages; every error Verify lists for starting a verification gets a
 * clear message and changes nothing.
 */
class CallMeInsteadIT extends PortalTest {

    @BeforeEach
    void freshFake() {
        verifyApi.reset();
    }

    /** The codes the fake read out in calls to this number, oldest first. */
    private List<SentCode> callsTo(String e164) {
        return verifyApi.codesSent().stream().filter(c -> ("+" + c.to()).equals(e164) && "voice".equals(c.channel())).toList();
    }

    private long textsTo(String e164) {
        return verifyApi.codesSent().stream().filter(c -> ("+" + c.to()).equals(e164) && "sms".equals(c.channel())).count();
    }

    /** A person with 2FA on, signed out, then at the code step of a sign-in (a text message on its way). */
    private String atTheCodeStep(String who, String number) {
        String email = personWithTwoFactor(who, number);
        browser.press("Sign out");
        signIn(email, PASSWORD);
        assertEquals("/signin-code.xhtml", browser.path());
        return email;
    }

    @Test
    void the_code_read_out_in_a_call_signs_in() {
        String number = uniqueUkMobile();
        atTheCodeStep("caller", number);
        String texted = verifyApi.lastCodeSentTo(number);
        // 1. Past the resend cooldown (Verify cancels the text's verification only 30 s after it started).
        waitOutResendCooldown();
        browser.press("Call me instead");
        // 2. The page says who is called, in the masked form; the call went to the stored number.
        assertTrue(browser.shows("We're calling " + masked(number)), browser.describe());
        List<SentCode> calls = callsTo(number);
        assertEquals(1, calls.size());
        assertEquals(6, calls.get(0).codeLength(), "the same code length as the text");
        // 3. The code texted before was replaced.
        browser.fillIn("Verification code", texted).press("Verify");
        assertEquals("/signin-code.xhtml", browser.path());
        // 4. The code heard signs in.
        browser.fillIn("Verification code", calls.get(0).code()).press("Verify");
        assertEquals("/", browser.path(), browser.describe());
    }

    @Test
    void a_call_has_its_own_cooldown_besides_the_one_between_codes() {
        String number = uniqueUkMobile();
        atTheCodeStep("cooldown", number);
        // 1. Right after the text: the cooldown between codes.
        browser.press("Call me instead");
        assertTrue(browser.shows("A code was sent a few seconds ago."), browser.describe());
        assertEquals(0, callsTo(number).size());
        // 2. Past it: the call.
        waitOutResendCooldown();
        browser.press("Call me instead");
        assertEquals(1, callsTo(number).size());
        // 3. Another call 31 s later is refused: calls wait two minutes; a text may go.
        waitOutResendCooldown();
        browser.press("Call me instead");
        assertTrue(browser.shows("We called you a moment ago."), browser.describe());
        assertEquals(1, callsTo(number).size());
        // 4. Two minutes after the call, another one.
        advanceServerClock(Duration.ofSeconds(90));
        browser.press("Call me instead");
        assertTrue(browser.shows("We're calling " + masked(number)), browser.describe());
        assertEquals(2, callsTo(number).size());
    }

    @WildFlyOnly("on Payara's embedded H2 (jdbc/__default) the row locks do not hold concurrent requests back: one of"
            + " two simultaneous calls fails on an optimistic version check (500) instead of taking its turn (as in"
            + " GuessingCodesIT; use PostgreSQL there, docs/operating-payara.md)")
    @Test
    void a_double_click_makes_one_call() throws Exception {
        String number = uniqueUkMobile();
        atTheCodeStep("double", number);
        waitOutResendCooldown();
        releasedAtOnce(List.of(callPost(), callPost()));
        assertEquals(1, callsTo(number).size(), "two presses at once, one call");
    }

    private HttpRequest callPost() {
        return formPost("/signin-code.xhtml", "signin-code", "signin-code", "signin-code:call-me", "Call me instead");
    }

    @Test
    void calls_and_texts_share_the_five_sign_in_codes_an_hour() {
        String number = uniqueUkMobile();
        atTheCodeStep("budget", number);                     // sign-in code 1, a text
        for (int i = 0; i < 4; i++) {                        // 2, 3, 4, 5: calls
            advanceServerClock(Duration.ofSeconds(121));
            browser.press("Call me instead");
            assertTrue(browser.shows("We're calling"), browser.describe());
        }
        advanceServerClock(Duration.ofSeconds(121));
        browser.press("Call me instead");                    // the sixth
        assertTrue(browser.shows("Too many codes have been sent."), browser.describe());
        assertEquals(4, callsTo(number).size());
        assertEquals(2, textsTo(number), "the enrolment code and the first sign-in code");
        // The last call's code still signs in: a refusal took nothing away.
        browser.fillIn("Verification code", callsTo(number).get(3).code()).press("Verify");
        assertEquals("/", browser.path(), browser.describe());
    }

    /** Every error status the OpenAPI document lists for POST /v2/verify. */
    @ParameterizedTest(name = "Verify answering {0} to the call")
    @CsvSource(delimiter = '|', value = {
            "401 | We could not send or check the code just now",
            "402 | We could not send or check the code just now",
            "412 | We could not send or check the code just now",
            "422 | We cannot send text messages to this number",
            "429 | Too many codes have been asked for",
            "500 | We could not send or check the code just now",
    })
    void every_verify_error_when_calling_gets_a_clear_message_and_the_texted_code_still_signs_in(int status, String message) {
        String number = uniqueUkMobile();
        atTheCodeStep("err" + status, number);
        String texted = callRefusedByVerify(number, status, message);
        // Nothing changed: the code texted before is still the one, and signs in.
        browser.fillIn("Verification code", texted).press("Verify");
        assertEquals("/", browser.path(), browser.describe());
    }

    /**
     * "Call me instead" on the code page open now, Verify answering {@code status}: the page says
     * {@code message}, nobody is called. Returns the code texted before, which must still work.
     */
    private String callRefusedByVerify(String number, int status, String message) {
        String texted = verifyApi.lastCodeSentTo(number);
        waitOutResendCooldown();
        verifyApi.failNextWith(status);
        browser.press("Call me instead");
        assertEquals(200, browser.status());
        assertTrue(browser.shows(message), browser.describe());
        assertFalse(browser.text().contains("Exception"));
        assertFalse(browser.shows("We're calling"));
        assertEquals(0, callsTo(number).size());
        return texted;
    }

    @Test
    void a_verification_running_for_the_number_is_a_409_with_its_own_message() {
        String number = uniqueUkMobile();
        atTheCodeStep("err409", number);
        waitOutResendCooldown();
        // The portal cancels the text's verification once Vonage answers 409, then calls again: both refused here.
        verifyApi.failNextWith(409, 3);
        browser.press("Call me instead");
        assertTrue(browser.shows("A code was sent to this number moments ago"), browser.describe());
        assertEquals(0, callsTo(number).size());
        assertEquals("/signin-code.xhtml", browser.path());
    }

    @Test
    void a_verification_of_the_text_still_running_is_cancelled_and_the_call_made() {
        String number = uniqueUkMobile();
        atTheCodeStep("cancel", number);
        waitOutResendCooldown();
        browser.press("Call me instead");
        // The fake answered the first call 409 (the text's verification runs), then took the cancel and the call.
        List<String> asked = verifyApi.requestsReceived().stream().map(r -> r.method() + " " + r.path().replaceAll("/[0-9a-f-]{36}", "/{id}")).toList();
        assertEquals(List.of("POST /v2/verify", "DELETE /v2/verify/{id}", "POST /v2/verify"),
                asked.subList(asked.size() - 3, asked.size()));
        assertEquals(1, callsTo(number).size());
    }

    @Test
    void the_number_typed_for_2fa_can_be_confirmed_with_a_call() {
        String number = uniqueUkMobile();
        signUp("Enrol by call", uniqueEmail("enrolcall"));
        askForEnrolmentCode(number);
        waitOutResendCooldown();
        browser.press("Call me instead");
        assertTrue(browser.shows("We're calling " + masked(number)), browser.describe());
        browser.fillIn("Verification code", callsTo(number).get(0).code()).press("Confirm");
        assertTrue(browser.shows("Two-factor authentication is enabled."), browser.describe());
    }

    /** With 2FA on, a reset link's second-factor step: the code texted to the stored number asked for. */
    private void atTheResetCodeStep(String who, String number) {
        String email = personWithTwoFactor(who, number);
        browser.press("Sign out");
        browser.open("/forgot-password.xhtml").fillIn("Email", email).press("Send the link");
        browser.open(MailsAbout.newest(email, MailsAbout.RESET_LINK, 1).tokenPath()).press("Continue");
        assertTrue(browser.shows("Verification code"), browser.describe());
    }

    @Test
    void the_reset_links_code_step_can_call_and_the_code_heard_lets_the_password_be_set() {
        String number = uniqueUkMobile();
        atTheResetCodeStep("resetcall", number);
        String texted = verifyApi.lastCodeSentTo(number);
        // 1. Within the cooldown of the text: refused, as at sign-in, and nobody is called.
        browser.press("Call me instead");
        assertTrue(browser.shows("A code was sent a few seconds ago."), browser.describe());
        assertEquals(0, callsTo(number).size());
        // 2. Past it: the call to the stored number, the page says whom it calls.
        waitOutResendCooldown();
        browser.press("Call me instead");
        assertTrue(browser.shows("We're calling " + masked(number)), browser.describe());
        List<SentCode> calls = callsTo(number);
        assertEquals(1, calls.size());
        assertEquals(6, calls.get(0).codeLength());
        // 3. The call's own cooldown: another call at once is refused.
        waitOutResendCooldown();
        browser.press("Call me instead");
        assertTrue(browser.shows("We called you a moment ago."), browser.describe());
        assertEquals(1, callsTo(number).size());
        // 4. The texted code was replaced; the code heard opens the new password.
        browser.fillIn("Verification code", texted).press("Verify");
        assertTrue(browser.shows("That code is not right."), browser.describe());
        browser.fillIn("Verification code", calls.get(0).code()).press("Verify");
        browser.fillIn("New password", "a passphrase chosen after a call").press("Set new password");
        assertTrue(browser.shows("Your password was changed."), browser.describe());
    }

    /** The answers to Verify's errors are the sign-in page's (above): one of them, on the reset page. */
    @Test
    void a_verify_error_on_the_reset_pages_call_gets_a_clear_message_and_the_texted_code_still_works() {
        String number = uniqueUkMobile();
        atTheResetCodeStep("reseterr", number);
        String texted = callRefusedByVerify(number, 422, "We cannot send text messages to this number");
        browser.fillIn("Verification code", texted).press("Verify");
        assertEquals(1, browser.html().getByXPath("//label[normalize-space(.)='New password']").size(), browser.describe());
    }
}

package com.videoapi.portal.it.twofactor;

import com.videoapi.portal.it.support.PortalTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Switching two-factor authentication on in Profile → Security Settings, and what can go wrong. */
class EnrolmentIT extends PortalTest {

    private String email;

    @BeforeEach
    void aPersonSignedIn() {
        verifyApi.reset();
        email = uniqueEmail("enrol");
        signUp("Enrolment Ltd", email);
    }

    @Test
    void the_owner_enables_2fa_in_six_steps() {
        // 1. Signed in (above). 2. Profile, from the upper-right corner.
        browser.press("Profile");
        // 3. Security Settings: switch on Use 2FA; it starts off.
        assertTrue(browser.shows("Security Settings"));
        assertTrue(browser.shows("Two-factor authentication is off"));
        assertFalse(browser.field("Use 2FA").isChecked());
        browser.check("Use 2FA");
        // 4. A phone number, in the national format of the country chosen; Submit.
        browser.choose("Country", "GB").fillIn("Phone number", UK_MOBILE).press("Submit");
        // 5. The code field appears, with the masked number the code went to; the SMS went there.
        assertTrue(browser.shows("We sent a 6-digit code to " + UK_MOBILE_MASKED), browser.describe());
        assertEquals("one-time-code", browser.field("Verification code").getAttribute("autocomplete"));
        assertEquals("numeric", browser.field("Verification code").getAttribute("inputmode"));
        var sent = verifyApi.lastSentTo(UK_MOBILE_E164); // Verify takes E.164 without its "+"
        assertNotNull(sent, "the text message went to the number typed");
        assertEquals("sms", sent.channel());
        assertEquals(6, sent.codeLength());
        assertEquals("Video API", sent.brand());
        browser.fillIn("Verification code", sent.code()).press("Confirm");
        // 6. Confirmed: enabled, and the page says so.
        assertTrue(browser.shows("Two-factor authentication is enabled."));
        assertTrue(browser.shows("sign-ins need a code sent to " + UK_MOBILE_MASKED));
        assertTrue(browser.field("Use 2FA").isChecked());
    }

    @Test
    void a_wrong_code_says_so_and_the_right_one_still_works() {
        String number = uniqueUkMobile();
        askForEnrolmentCode(number);
        String code = verifyApi.lastCodeSentTo(number);
        browser.fillIn("Verification code", wrongCode(code)).press("Confirm");
        assertTrue(browser.shows("That code is not right."));
        assertTrue(browser.shows("Two-factor authentication is off"));
        browser.fillIn("Verification code", code).press("Confirm");
        assertTrue(browser.shows("Two-factor authentication is enabled."));
    }

    @Test
    void a_code_pasted_with_a_space_is_accepted() {
        String number = uniqueUkMobile();
        askForEnrolmentCode(number);
        String code = verifyApi.lastCodeSentTo(number);
        browser.fillIn("Verification code", " " + code.substring(0, 3) + " " + code.substring(3) + " ").press("Confirm");
        assertTrue(browser.shows("Two-factor authentication is enabled."));
    }

    @Test
    void too_many_wrong_codes_void_the_code_and_a_new_one_can_be_sent() {
        String number = uniqueUkMobile();
        askForEnrolmentCode(number);
        String first = verifyApi.lastCodeSentTo(number);
        for (int i = 0; i < 3; i++) {
            browser.fillIn("Verification code", wrongCode(first)).press("Confirm");
        }
        // Verify v2 allows three wrong codes, then answers 410 even to the right one.
        browser.fillIn("Verification code", first).press("Confirm");
        assertTrue(browser.shows("This code has expired or has been tried too many times. Send a new code."), browser.describe());
        assertTrue(browser.shows("Two-factor authentication is off"));
        waitOutResendCooldown();
        browser.press("Send a new code");
        String second = verifyApi.lastCodeSentTo(number);
        browser.fillIn("Verification code", second).press("Confirm");
        assertTrue(browser.shows("Two-factor authentication is enabled."));
    }

    @Test
    void an_expired_verification_says_so_and_offers_a_new_code() {
        String number = uniqueUkMobile();
        askForEnrolmentCode(number);
        var sent = verifyApi.lastSentTo(number);
        verifyApi.expire(sent.requestId());
        browser.fillIn("Verification code", sent.code()).press("Confirm");
        assertTrue(browser.shows("This code has expired"));
        assertTrue(browser.html().getByXPath("//input[@value='Send a new code' and contains(@class,'emphasised')]").size() == 1);
        assertTrue(browser.shows("Two-factor authentication is off"));
    }

    @ParameterizedTest(name = "{0} is refused and no code is sent")
    @CsvSource(delimiter = '|', value = {
            "020 7946 0000 | This looks like a landline or service number",
            "0909 879 0000 | This is a premium-rate number",
            "07400 12     | This is not a valid phone number",
            "call me      | Enter the phone number in digits",
    })
    void numbers_that_cannot_get_a_text_are_refused_before_sending(String typed, String message) {
        int before = verifyApi.codesSent().size();
        browser.open("/profile.xhtml").check("Use 2FA").choose("Country", "GB").fillIn("Phone number", typed).press("Submit");
        assertTrue(browser.shows(message), browser.describe());
        assertEquals(before, verifyApi.codesSent().size());
        assertTrue(browser.shows("Two-factor authentication is off"));
    }

    @Test
    void abandoning_half_way_leaves_2fa_off() {
        askForEnrolmentCode(uniqueUkMobile());
        assertTrue(browser.shows("We sent a 6-digit code"));
        // The person goes elsewhere, then signs out and in: no code is asked.
        browser.open("/");
        browser.press("Sign out");
        signIn(email, PASSWORD);
        assertEquals("/", browser.path());
        browser.open("/profile.xhtml");
        assertTrue(browser.shows("Two-factor authentication is off"));
    }

    @ParameterizedTest(name = "Verify answering {0} to the code request")
    @CsvSource(delimiter = '|', value = {
            "401 | We could not send or check the code just now",
            "402 | We could not send or check the code just now",
            "409 | A code was sent to this number moments ago",
            "422 | We cannot send text messages to this number",
            "429 | Too many codes have been asked for",
            "500 | We could not send or check the code just now",
            "503 | We could not send or check the code just now",
    })
    void every_verify_error_when_sending_gets_a_clear_message_and_enables_nothing(int status, String message) {
        verifyApi.failNextWith(status);
        askForEnrolmentCode(uniqueUkMobile());
        assertEquals(200, browser.status());
        assertTrue(browser.shows(message), browser.describe());
        assertFalse(browser.text().contains("Exception"));
        assertTrue(browser.shows("Two-factor authentication is off"));
    }

    @ParameterizedTest(name = "Verify answering {0} to the code check")
    @CsvSource(delimiter = '|', value = {
            "400 | That code is not right.",
            "404 | This code has expired",
            "410 | This code has expired",
            "429 | Too many codes have been asked for",
            "401 | We could not send or check the code just now",
            "500 | We could not send or check the code just now",
    })
    void every_verify_error_when_checking_gets_a_clear_message_and_enables_nothing(int status, String message) {
        String number = uniqueUkMobile();
        askForEnrolmentCode(number);
        verifyApi.failNextWith(status);
        browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Confirm");
        assertTrue(browser.shows(message), browser.describe());
        assertTrue(browser.shows("Two-factor authentication is off"));
    }

    @Test
    void a_slow_verify_api_times_out_with_a_message_and_data_kept() {
        verifyApi.delayNextBy(Duration.ofSeconds(5)); // the test server's vonage.timeout is 2 s
        long started = System.nanoTime();
        askForEnrolmentCode(uniqueUkMobile());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5, "answered before Verify did");
        assertTrue(browser.shows("We could not send or check the code just now"));
        // What the person typed is still there to try again.
        assertTrue(browser.field("Phone number").getValue().startsWith("+447400"));
    }

    @Test
    void garbage_from_verify_is_handled_like_an_outage() {
        verifyApi.answerNextWithGarbage();
        askForEnrolmentCode(uniqueUkMobile());
        assertTrue(browser.shows("We could not send or check the code just now"));
        assertTrue(browser.shows("Two-factor authentication is off"));
    }

}

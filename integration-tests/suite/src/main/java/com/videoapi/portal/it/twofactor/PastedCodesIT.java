package com.videoapi.portal.it.twofactor;

import com.videoapi.portal.it.support.PortalTest;
import org.htmlunit.html.HtmlInput;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A code copied from the text message and pasted, as phones and people write it: in groups, with a
 * no-break space, an en dash or a hyphen between them. And every code field lets the phone offer the
 * code it received and shows a keypad.
 */
class PastedCodesIT extends PortalTest {

    @Test
    void an_enrolment_code_pasted_with_a_no_break_space_is_accepted() {
        String number = uniqueUkMobile();
        signUp("Pia's account", uniqueEmail("pia"));
        askForEnrolmentCode(number);
        assertIsACodeField(browser.field("Verification code"));
        String code = verifyApi.lastCodeSentTo(number);
        browser.fillIn("Verification code", code.substring(0, 3) + "\u00a0" + code.substring(3)).press("Confirm");
        assertTrue(browser.shows("Two-factor authentication is enabled."), browser.describe());
    }

    @Test
    void a_sign_in_code_pasted_with_a_dash_is_accepted() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("quin", number);
        browser.press("Sign out");
        signIn(email, PASSWORD);
        assertIsACodeField(browser.field("Verification code"));
        String code = verifyApi.lastCodeSentTo(number);
        browser.fillIn("Verification code", code.substring(0, 3) + "\u2013" + code.substring(3)).press("Verify");
        assertEquals("quin's account", browser.heading(), browser.describe());

        browser.press("Sign out");
        waitOutResendCooldown();
        signIn(email, PASSWORD);
        String next = verifyApi.lastCodeSentTo(number);
        browser.fillIn("Verification code", " " + next.substring(0, 3) + "-" + next.substring(3) + " ").press("Verify");
        assertEquals("quin's account", browser.heading(), browser.describe());
    }

    @Test
    void a_pasted_code_with_a_letter_in_it_is_still_wrong() {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("rex", number);
        browser.press("Sign out");
        signIn(email, PASSWORD);
        String code = verifyApi.lastCodeSentTo(number);
        browser.fillIn("Verification code", code.substring(0, 3) + "O" + code.substring(4)).press("Verify");
        assertEquals("/signin-code.xhtml", browser.path());
        assertTrue(browser.shows("That code is not right."), browser.describe());
    }

    private static void assertIsACodeField(HtmlInput field) {
        assertEquals("one-time-code", field.getAttribute("autocomplete"));
        assertEquals("numeric", field.getAttribute("inputmode"));
    }
}

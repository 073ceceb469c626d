package com.videoapi.portal.it.browser;

import com.videoapi.portal.it.support.ChromiumTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The help page's procedure in a real browser (Debian's headless Chromium), fields found by their
 * labels as a person finds them: enable 2FA in six steps, sign in with a code and trust the device,
 * sign in with the password only, disable 2FA. When it fails, a screenshot of every step so far is
 * kept under target/failsafe-reports/chromium/.
 */
class TwoFactorInChromiumIT extends ChromiumTest {

    @Test
    void enable_2fa_then_sign_in_with_a_code_then_from_a_trusted_device_then_disable() {
        String email = uniqueEmail("eli");
        String number = uniqueUkMobile();
        String national = "0" + number.substring(3, 7) + " " + number.substring(7);

        // 1. Sign in to the account (a new one, for this test).
        open("/create-account.xhtml");
        type("Account name", "Eli's Videos");
        type("Email", email);
        type("Password", PASSWORD);
        click("Create account");
        step("signed-in");
        assertEquals("Eli's Videos", chromium.findElement(By.tagName("h1")).getText());

        // 2. Open the profile settings from the upper-right corner.
        follow(chromium.findElement(By.linkText("Profile")));
        step("profile");

        // 3. Security Settings: switch on Use 2FA, which reveals the phone number and Submit.
        WebElement phone = field("Phone number");
        assertFalse(phone.isDisplayed(), "hidden until Use 2FA is switched on");
        field("Use 2FA").click();
        assertTrue(phone.isDisplayed());
        step("use-2fa");

        // 4. A phone number (national format: the country comes from the browser's locale); Submit.
        // The select's value in one call: Select.getFirstSelectedOption() asks each of the ~240 options in turn.
        assertEquals("GB", field("Country").getDomProperty("value"));
        type("Phone number", national);
        click("Submit");
        step("code-sent");
        assertTrue(page().contains("We sent a 6-digit code to " + masked(number)), page());

        // 5. The temporary 6-digit code sent to the phone.
        type("Verification code", verifyApi.lastCodeSentTo(number));
        click("Confirm");
        step("enabled");

        // 6. The confirmation.
        assertTrue(page().contains("Two-factor authentication is enabled."), page());

        // Sign out; sign in with the password and the code, trusting this device.
        click("Sign out");
        signInWithPassword(email);
        pageWait().until(ExpectedConditions.urlContains("/signin-code.xhtml"));
        step("code-page");
        type("Verification code", verifyApi.lastCodeSentTo(number));
        field("Trust this device").click();
        click("Verify");
        step("signed-in-with-code");
        assertEquals("Eli's Videos", chromium.findElement(By.tagName("h1")).getText());

        // Sign out; from this trusted browser the password alone is enough.
        click("Sign out");
        step("signed-out");
        long sent = codesSentTo(number);
        signInWithPassword(email);
        step("signed-in-trusted");
        assertEquals("Eli's Videos", chromium.findElement(By.tagName("h1")).getText());
        assertEquals(sent, codesSentTo(number), "no code was sent");

        // Disable 2FA: untick Use 2FA, confirm the password (a trusted device needs no code).
        follow(chromium.findElement(By.linkText("Profile")));
        assertTrue(page().contains("(this device)"));
        field("Use 2FA").click();
        type("Password", PASSWORD);
        click("Turn off 2FA");
        step("disabled");
        assertTrue(page().contains("Two-factor authentication is disabled."), page());
        assertFalse(field("Use 2FA").isSelected());
    }

    private void signInWithPassword(String email) {
        type("Email", email);
        type("Password", PASSWORD);
        click("Sign in");
    }
}

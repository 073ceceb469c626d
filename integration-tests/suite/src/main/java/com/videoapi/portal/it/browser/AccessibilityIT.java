package com.videoapi.portal.it.browser;

import com.videoapi.portal.it.support.ChromiumTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page of the portal, in every state a person meets it, passes axe-core's WCAG 2.2 AA rules
 * ({@link #assertAccessible}) in Chromium. A new page, or a new state of a page, adds one
 * {@code assertAccessible("what the person sees")} where a test here (or any browser test) reaches it.
 * Errors are announced: the browser's focus moves to the message (js/announce.js).
 */
class AccessibilityIT extends ChromiumTest {

    @Test
    void signing_up_and_signing_in_with_a_code() {
        String email = uniqueEmail("ada");
        String number = uniqueUkMobile();

        open("/signin.xhtml");
        assertAccessible("sign-in");
        click("Sign in");
        assertAccessible("sign-in, nothing typed");
        type("Email", email);
        type("Password", "not the password at all");
        click("Sign in");
        assertTrue(page().contains("The email address or password is incorrect."), page());
        assertAccessible("sign-in, refused");

        follow(chromium.findElement(By.linkText("Create account")));
        assertAccessible("create account");
        click("Create account");
        assertAccessible("create account, nothing typed");
        // The browser checks an address's form itself (type=email); the server the rest.
        type("Account name", "Ada's Videos");
        type("Email", email);
        type("Password", "short");
        click("Create account");
        assertAccessible("create account, a short password");
        type("Password", PASSWORD);
        click("Create account");
        assertEquals("Check your inbox to finish", chromium.findElement(By.tagName("h1")).getText());
        assertAccessible("check your inbox");
        signInAfterSignUp(email);
        assertEquals("Ada's Videos", chromium.findElement(By.tagName("h1")).getText());
        assertAccessible("home");
        open("/no-such-page.xhtml");
        assertTrue(page().contains("There is no page at this address."), page());
        assertAccessible("404");
        open("/");

        follow(chromium.findElement(By.linkText("Profile")));
        assertAccessible("Security Settings, 2FA off");
        field("Use 2FA").click();
        assertAccessible("Security Settings, Use 2FA ticked");
        click("Submit");
        assertAccessible("Security Settings, no number typed");
        type("Phone number", number);
        click("Submit");
        assertAccessible("Security Settings, enrolment code sent");
        type("Verification code", wrongCode(verifyApi.lastCodeSentTo(number)));
        click("Confirm");
        assertTrue(page().contains("That code is not right."), page());
        assertAccessible("Security Settings, wrong enrolment code");
        type("Verification code", verifyApi.lastCodeSentTo(number));
        click("Confirm");
        assertTrue(page().contains("Two-factor authentication is enabled."), page());
        assertAccessible("Security Settings, 2FA on");

        click("Sign out");
        assertAccessible("sign-in, signed out");
        type("Email", email);
        type("Password", PASSWORD);
        click("Sign in");
        pageWait().until(ExpectedConditions.urlContains("/signin-code.xhtml"));
        assertTrue(chromium.findElement(By.cssSelector(".countdown")).isDisplayed(), "the resend countdown runs");
        assertAccessible("code page, countdown to a new code");
        type("Verification code", wrongCode(verifyApi.lastCodeSentTo(number)));
        click("Verify");
        assertTrue(page().contains("That code is not right."), page());
        assertAccessible("code page, wrong code");
        follow(chromium.findElement(By.linkText("Use a recovery code")));
        assertAccessible("recovery code page");
        open("/signin-code.xhtml");
        // Pasted from the text message, as a phone copies it: with a no-break space between the groups.
        String code = verifyApi.lastCodeSentTo(number);
        paste("Verification code", code.substring(0, 3) + "\u00a0" + code.substring(3));
        field("Trust this device").click();
        click("Verify");
        assertEquals("Ada's Videos", chromium.findElement(By.tagName("h1")).getText());
        assertAccessible("home, signed in with a code");

        follow(chromium.findElement(By.linkText("Profile")));
        assertTrue(page().contains("(this device)"), page());
        assertAccessible("Security Settings, 2FA on, a trusted device");
        field("Use 2FA").click();
        assertAccessible("Security Settings, turning 2FA off");

        // A revocation long after the sign-in asks for the password first.
        advanceServerClock(Duration.ofMinutes(6));
        open("/profile.xhtml");
        click("Revoke");
        assertTrue(page().contains("Confirm it's you"), page());
        assertAccessible("Security Settings, confirm it's you");
    }

    @Test
    void the_pages_outside_the_account() {
        open("/expired.xhtml");
        assertAccessible("page expired");
        open("/error.xhtml");
        assertAccessible("error");
    }

    /** The pages that mailed links open, each as a link that is not valid shows it, and "Forgot password?". */
    @Test
    void forgot_password_and_the_pages_of_mailed_links() {
        open("/signin.xhtml");
        follow(chromium.findElement(By.linkText("Forgot password?")));
        assertAccessible("forgot password");
        type("Email", uniqueEmail("nobody"));
        click("Send the link");
        assertTrue(page().contains("If an account uses this address, we sent a link"), page());
        assertAccessible("forgot password, link sent");
        for (String page : new String[] {"/reset-password.xhtml", "/verify-email.xhtml", "/secure-account.xhtml"}) {
            open(page + "?token=not-a-token-we-sent");
            assertAccessible(page + ", a link that is not valid");
        }
    }

    @Test
    void the_german_pages() {
        restartIn("de-DE");
        String email = uniqueEmail("grete");
        String number = uniqueUkMobile();
        open("/signin.xhtml");
        assertEquals("Anmelden", chromium.findElement(By.tagName("h1")).getText());
        assertEquals("de", chromium.findElement(By.tagName("html")).getAttribute("lang"));
        assertAccessible("German sign-in");
        follow(chromium.findElement(By.id("create-account-link")));
        follow(chromium.findElement(By.id("create-account:create")));
        assertAccessible("German create account, nothing typed");
        chromium.findElement(By.id("create-account:accountName")).sendKeys("Gretes Videos");
        chromium.findElement(By.id("create-account:email")).sendKeys(email);
        chromium.findElement(By.id("create-account:password")).sendKeys(PASSWORD);
        follow(chromium.findElement(By.id("create-account:create")));
        assertAccessible("German check your inbox");
        signInAfterSignUp(email);
        assertAccessible("German home");
        open("/no-such-page.xhtml");
        assertAccessible("German 404");
        open("/");
        follow(chromium.findElement(By.id("profile-link")));
        chromium.findElement(By.id("security:use-2fa")).click();
        chromium.findElement(By.id("security:phone")).sendKeys(number);
        follow(chromium.findElement(By.id("security:submit-number")));
        assertAccessible("German Security Settings, enrolment code sent");
        chromium.findElement(By.id("security:code")).sendKeys(verifyApi.lastCodeSentTo(number));
        follow(chromium.findElement(By.id("security:confirm")));
        assertAccessible("German Security Settings, 2FA on");
        follow(chromium.findElement(By.id("sign-out:sign-out-button")));
        chromium.findElement(By.id("signin:email")).sendKeys(email);
        chromium.findElement(By.id("signin:password")).sendKeys(PASSWORD);
        follow(chromium.findElement(By.id("signin:sign-in")));
        pageWait().until(ExpectedConditions.urlContains("/signin-code.xhtml"));
        assertAccessible("German code page");
    }

    @Test
    void the_scan_finds_what_is_wrong() {
        open("/signin.xhtml");
        // A field without a label and words of too little contrast, put in the page by hand.
        ((JavascriptExecutor) chromium).executeScript("var main = document.querySelector('main');"
                + " main.appendChild(document.createElement('input'));"
                + " var faint = document.createElement('p'); faint.textContent = 'Faint words'; faint.style.color = '#ddd';"
                + " main.appendChild(faint);");
        AssertionError found = assertThrows(AssertionError.class, () -> assertAccessible("sign-in, spoiled on purpose"));
        assertTrue(found.getMessage().contains("- label ") && found.getMessage().contains("- color-contrast "), found.getMessage());
    }

    @Test
    void an_error_takes_the_focus_so_that_it_is_read_out() {
        open("/signin.xhtml");
        type("Email", uniqueEmail("nobody"));
        type("Password", "not the password at all");
        click("Sign in");
        WebElement focused = chromium.switchTo().activeElement();
        assertEquals("The email address or password is incorrect.", focused.getText(), focused.getAttribute("outerHTML"));

        // A field's own message: the field says it is invalid and is described by its message.
        open("/create-account.xhtml");
        type("Account name", "Someone");
        type("Email", uniqueEmail("someone"));
        type("Password", "short");
        click("Create account");
        WebElement password = field("Password");
        assertEquals("true", password.getAttribute("aria-invalid"));
        String describedBy = password.getAttribute("aria-describedby");
        assertTrue(describedBy != null && !describedBy.isBlank(), password.getAttribute("outerHTML"));
        WebElement message = chromium.findElement(By.id(describedBy.split(" ")[0]));
        assertTrue(message.getText().length() > 5, message.getAttribute("outerHTML"));
        assertEquals(message, chromium.switchTo().activeElement(), "the first message has the focus");
    }
}

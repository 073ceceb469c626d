package com.videoapi.portal.it.browser;

import com.videoapi.portal.it.support.Mailbox;
import com.videoapi.portal.it.support.MailsAbout;
import com.videoapi.portal.it.support.PortalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The help page's procedure in a real browser (Debian's headless Chromium), fields found by their
 * labels as a person finds them: enable 2FA in six steps, sign in with a code and trust the device,
 * sign in with the password only, disable 2FA; "Forgot password?" and "This wasn't me" end to end, the
 * links read from the SMTP server (GreenMail, {@code Mailbox}). When it fails, a screenshot of every step so far is
 * kept under target/failsafe-reports/chromium/.
 */
class TwoFactorInChromiumIT extends PortalTest {

    private WebDriver chromium;
    private final List<Map.Entry<String, byte[]>> screenshots = new ArrayList<>();

    @RegisterExtension
    final TestWatcher keepScreenshots = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            Path dir = Path.of(System.getProperty("it.reports", "target/failsafe-reports"), "chromium");
            try {
                Files.createDirectories(dir);
                for (int i = 0; i < screenshots.size(); i++) {
                    Files.write(dir.resolve(String.format("%02d-%s.png", i + 1, screenshots.get(i).getKey())), screenshots.get(i).getValue());
                }
                System.err.println(screenshots.size() + " screenshot(s) of the failed browser test kept in " + dir);
            } catch (IOException e) {
                System.err.println("Could not keep the screenshots: " + e);
            }
        }
    };

    @BeforeEach
    void startChromium() {
        String binary = System.getProperty("it.chromium", "/usr/bin/chromium");
        String driver = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(Path.of(binary))) {
            missing.add(binary + " (Debian: apt-get install chromium)");
        }
        if (!Files.isExecutable(Path.of(driver))) {
            missing.add(driver + " (Debian: apt-get install chromium-driver)");
        }
        if (!missing.isEmpty()) {
            String what = "The browser test needs Chromium and its ChromeDriver; missing: " + String.join(", ", missing);
            // Skipped only when a developer asked for it, never in CI (which sets CI=true).
            boolean optional = Boolean.getBoolean("it.chromium.optional") && !"true".equalsIgnoreCase(System.getenv("CI"));
            Assumptions.assumeFalse(optional, what + ". Skipped: -Dit.chromium.optional=true");
            throw new AssertionError(what + ". To skip this test on a machine without them, and only there: -Dit.chromium.optional=true");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        // No sandbox (CI runs as root); no background traffic (this machine's network is closed).
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1200,1000", "--lang=en-GB");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB"));
        chromium = new ChromeDriver(options);
        // A click that submits a form returns before the next page is there: look for a while.
        chromium.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
    }

    @AfterEach
    void stopChromium() {
        if (chromium != null) {
            chromium.quit();
        }
    }

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
        step("check-inbox");
        assertEquals("Check your inbox to finish", chromium.findElement(By.tagName("h1")).getText());
        // The password signs in before the link in the mail is followed.
        open("/signin.xhtml");
        type("Email", email);
        type("Password", PASSWORD);
        click("Sign in");
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

    @Test
    void forgot_password_end_to_end_with_the_link_from_the_mail() {
        String email = uniqueEmail("ora");
        String number = uniqueUkMobile();
        createAccountAndSignIn("Ora's Videos", email);
        open("/profile.xhtml");
        field("Use 2FA").click();
        type("Phone number", "0" + number.substring(3, 7) + " " + number.substring(7));
        click("Submit");
        type("Verification code", verifyApi.lastCodeSentTo(number));
        click("Confirm");
        click("Sign out");

        // 1. "Forgot password?" on the sign-in page; the address; always the same answer.
        follow(chromium.findElement(By.linkText("Forgot password?")));
        step("forgot-password");
        type("Email", email);
        click("Send the link");
        step("link-sent");
        assertTrue(page().contains("If an account uses this address, we sent a link"), page());

        // 2. The link from the mail; 2FA is on, so the code comes first.
        chromium.get(MailsAbout.newest(email, MailsAbout.RESET_LINK, 1).tokenLink());
        step("reset-link");
        click("Continue");
        type("Verification code", verifyApi.lastCodeSentTo(number));
        click("Verify");
        step("code-given");
        type("New password", "my new chromium passphrase");
        click("Set new password");
        step("password-reset");
        assertTrue(page().contains("Your password was changed."), page());

        // 3. Sign in with the new password (and the code).
        follow(chromium.findElement(By.linkText("Sign in")));
        type("Email", email);
        type("Password", "my new chromium passphrase");
        click("Sign in");
        pageWait().until(ExpectedConditions.urlContains("/signin-code.xhtml"));
        type("Verification code", verifyApi.lastCodeSentTo(number));
        click("Verify");
        step("signed-in");
        assertEquals("Ora's Videos", chromium.findElement(By.tagName("h1")).getText());
    }

    @Test
    void this_wasnt_me_from_the_notice_mail() {
        String email = uniqueEmail("pia");
        createAccountAndSignIn("Pia's Videos", email);
        open("/profile.xhtml");
        type("Current password", PASSWORD);
        type("New password", "somebody else's passphrase");
        click("Change password");
        step("password-changed");

        // 1. The notice of the change; its "This wasn't me" link, followed in the browser.
        Mailbox.Mail notice = MailsAbout.newest(email, MailsAbout.NOTICE + "The password was changed", 1);
        chromium.manage().deleteAllCookies();
        chromium.get(notice.tokenLink());
        step("this-wasnt-me");
        assertTrue(page().contains("This wasn't me"), page());
        click("Secure my account");
        step("secured");
        assertTrue(page().contains("Your account is secured"), page());
        assertTrue(page().contains("What to do next"), page());

        // 2. The password no longer signs in: the sign-in page points to "Forgot password?".
        open("/signin.xhtml");
        type("Email", email);
        type("Password", "somebody else's passphrase");
        click("Sign in");
        step("refused");
        assertTrue(page().contains("Choose a new one with \"Forgot password?\" first"), page());
    }

    private void createAccountAndSignIn(String accountName, String email) {
        open("/create-account.xhtml");
        type("Account name", accountName);
        type("Email", email);
        type("Password", PASSWORD);
        click("Create account");
        open("/signin.xhtml");
        signInWithPassword(email);
    }

    private void signInWithPassword(String email) {
        type("Email", email);
        type("Password", PASSWORD);
        click("Sign in");
    }

    private void open(String path) {
        chromium.get(baseUrl() + path.replaceFirst("^/", ""));
    }

    /** The form control that the label with this text is for. */
    private WebElement field(String label) {
        WebElement labelElement = chromium.findElement(By.xpath("//label[normalize-space(.)='" + label + "']"));
        return chromium.findElement(By.id(labelElement.getAttribute("for")));
    }

    private void type(String label, String text) {
        WebElement input = field(label);
        input.clear();
        input.sendKeys(text);
    }

    /** Presses a button that submits a form, and waits until the next page has replaced this one. */
    private void click(String buttonText) {
        follow(chromium.findElement(By.xpath("//input[@type='submit' and @value='" + buttonText + "'] | //button[normalize-space(.)='"
                + buttonText + "']")));
    }

    private void follow(WebElement buttonOrLink) {
        WebElement page = chromium.findElement(By.tagName("html"));
        buttonOrLink.click();
        // Gone from the document: Chromium says so either as a stale element or, at times, as an
        // "unhandled inspector error" about a node that no longer belongs to the document.
        pageWait().until(driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    /** Waits up to 10 s, looking every 50 ms (the default 500 ms would add a quarter second to every click). */
    private WebDriverWait pageWait() {
        return new WebDriverWait(chromium, Duration.ofSeconds(10), Duration.ofMillis(50));
    }

    private String page() {
        return chromium.findElement(By.tagName("body")).getText();
    }

    private void step(String name) {
        screenshots.add(Map.entry(name, ((TakesScreenshot) chromium).getScreenshotAs(OutputType.BYTES)));
    }
}

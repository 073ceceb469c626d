package com.videoapi.portal.it.browser;

import com.videoapi.portal.it.support.MailsAbout;
import com.videoapi.portal.it.support.PortalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

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
 * Passkeys in a real browser (Debian's headless Chromium) with WebDriver's virtual authenticator
 * (CTAP2, built in, resident keys, user verification): the page's script runs the browser's WebAuthn
 * ceremonies under the pages' Content-Security-Policy. Add a passkey, sign in with the password and
 * the passkey; another browser, whose authenticator lacks it, cannot use it; remove it. A passkey
 * confirms it's you before a change in Security Settings, and stands in for the code on a forgotten
 * password's link.
 */
class PasskeysInChromiumIT extends PortalTest {

    private final List<ChromeDriver> browsers = new ArrayList<>();
    private ChromeDriver chromium;

    @BeforeEach
    void startChromium() {
        chromium = newChromium();
    }

    @AfterEach
    void stopChromium() {
        browsers.forEach(ChromeDriver::quit);
    }

    @Test
    void add_a_passkey_sign_in_with_it_another_browser_cannot_then_remove_it() {
        String email = uniqueEmail("pia");
        String number = uniqueUkMobile();
        VirtualAuthenticator authenticator = chromium.addVirtualAuthenticator(authenticatorOptions());

        // 1. An account with 2FA on (a passkey is a second factor); 2. a passkey added.
        accountWithPasskey(email, number, authenticator);

        // 3. Sign out; sign in: after the password, the passkey page, and no code sent.
        click(chromium, "Sign out");
        long codes = codesSentTo(number);
        signInWithPassword(chromium, email);
        wait(chromium).until(ExpectedConditions.urlContains("/signin-passkey.xhtml"));
        click(chromium, "Use your passkey");
        assertEquals("Pia's Videos", chromium.findElement(By.tagName("h1")).getText());
        assertEquals(codes, codesSentTo(number), "no code by text message");

        // 4. Another browser knows the password but its authenticator has no passkey of this account.
        ChromeDriver other = newChromium();
        other.addVirtualAuthenticator(authenticatorOptions());
        signInWithPassword(other, email);
        wait(other).until(ExpectedConditions.urlContains("/signin-passkey.xhtml"));
        assertTrue(usePasskeyInVain(other).startsWith("No passkey was used"));
        assertTrue(other.getCurrentUrl().contains("/signin-passkey.xhtml"), "still not signed in");
        open(other, "/profile.xhtml");
        assertTrue(other.getCurrentUrl().contains("/signin-passkey.xhtml"), "half-way sign-ins go back to the passkey page");

        // 5. Remove the passkey (the sign-in just now is a fresh proof); sign-ins ask for a code again.
        open(chromium, "/profile.xhtml");
        assertFalse(page(chromium).contains("Not yet"), "its last use is shown");
        // Its own Remove, in its row: the list of methods has others (the recovery codes').
        press(chromium, By.xpath("//tr[td[normalize-space()='Passkey: Laptop']]//input[@type='submit' and @value='Remove']"));
        assertTrue(page(chromium).contains("The passkey was removed."), page(chromium));
        assertTrue(page(chromium).contains("No passkey or security key added yet."), page(chromium));
        click(chromium, "Sign out");
        signInWithPassword(chromium, email);
        wait(chromium).until(ExpectedConditions.urlContains("/signin-code.xhtml"));
    }

    @Test
    void a_passkey_confirms_it_is_you_before_a_change_in_security_settings() {
        String email = uniqueEmail("pib");
        String number = uniqueUkMobile();
        VirtualAuthenticator authenticator = chromium.addVirtualAuthenticator(authenticatorOptions());
        accountWithPasskey(email, number, authenticator);
        long codes = codesSentTo(number);

        // Later (no proof from the last five minutes), "Generate new codes" asks to confirm it's you: the
        // password, then "Use your passkey" in Security Settings; the passkey is the default, so no text goes out.
        advanceServerClock(Duration.ofMinutes(6));
        open(chromium, "/profile.xhtml");
        click(chromium, "Generate new codes");
        type(chromium, "Confirm with your password", PASSWORD);
        press(chromium, By.id("security:confirm-identity")); // "Confirm it's you": an apostrophe XPath 1.0 cannot quote here
        assertTrue(page(chromium).contains("Now confirm with one of your sign-in methods."), page(chromium));
        click(chromium, "Use your passkey");
        assertTrue(page(chromium).contains("Here are your new recovery codes."), page(chromium));
        assertEquals(10, chromium.findElements(By.xpath("//ol[@id='recovery-codes']//code")).size());
        assertEquals(codes, codesSentTo(number), "no code by text message");
    }

    @Test
    void a_passkey_stands_in_for_the_code_when_the_password_is_forgotten_and_only_its_owner_has_it() {
        String email = uniqueEmail("pic");
        String number = uniqueUkMobile();
        VirtualAuthenticator authenticator = chromium.addVirtualAuthenticator(authenticatorOptions());
        accountWithPasskey(email, number, authenticator);
        click(chromium, "Sign out");
        long codes = codesSentTo(number);

        // 1. "Forgot password?", then the mailed link: 2FA is on, so the second factor comes before a new password.
        open(chromium, "/forgot-password.xhtml");
        type(chromium, "Email", email);
        click(chromium, "Send the link");
        String link = MailsAbout.newest(email, MailsAbout.RESET_LINK, 1).tokenLink();

        // 2. Someone else with the link (a read mailbox) but not the passkey: the browser finds none, and a
        //    made-up answer posted by hand is refused; neither reaches the new password.
        ChromeDriver other = newChromium();
        other.addVirtualAuthenticator(authenticatorOptions());
        other.get(link);
        assertTrue(usePasskeyInVain(other).startsWith("No passkey was used"));
        ((JavascriptExecutor) other).executeScript("document.querySelector('[data-passkey-response]').value = arguments[0];",
                "{\"id\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"rawId\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"type\":\"public-key\",\"response\":{}}");
        press(other, By.xpath("//input[@value='Use your passkey']"));
        assertTrue(page(other).contains("That passkey does not belong to this account."), page(other));
        assertTrue(other.findElements(By.xpath("//label[normalize-space(.)='New password']")).isEmpty(), "no new password");

        // 3. Its owner: "Use your passkey", no code by text message, then the new password.
        chromium.get(link);
        assertTrue(page(chromium).contains("before you choose a new password"), page(chromium));
        assertTrue(chromium.findElements(By.xpath("//label[normalize-space(.)='New password']")).isEmpty(), "not the link alone");
        click(chromium, "Use your passkey");
        type(chromium, "New password", "a passkey proven passphrase");
        click(chromium, "Set new password");
        assertTrue(page(chromium).contains("Your password was changed."), page(chromium));
        assertEquals(codes, codesSentTo(number), "no code by text message");

        // 4. The new password, then the passkey, signs in.
        open(chromium, "/signin.xhtml");
        type(chromium, "Email", email);
        type(chromium, "Password", "a passkey proven passphrase");
        click(chromium, "Sign in");
        wait(chromium).until(ExpectedConditions.urlContains("/signin-passkey.xhtml"));
        click(chromium, "Use your passkey");
        assertEquals("Pia's Videos", chromium.findElement(By.tagName("h1")).getText());
    }

    /**
     * Creates an account, switches 2FA on with {@code number} and adds the passkey "Laptop": the script
     * runs navigator.credentials.create with the page's options.
     */
    private void accountWithPasskey(String email, String number, VirtualAuthenticator authenticator) {
        open(chromium, "/create-account.xhtml");
        type(chromium, "Account name", "Pia's Videos");
        type(chromium, "Email", email);
        type(chromium, "Password", PASSWORD);
        click(chromium, "Create account");
        // Sign-up signs nobody in ("Check your inbox to finish"); the password does, before the address is verified.
        signInWithPassword(chromium, email);
        open(chromium, "/profile.xhtml");
        field(chromium, "Use 2FA").click();
        type(chromium, "Phone number", "0" + number.substring(3, 7) + " " + number.substring(7));
        click(chromium, "Submit");
        type(chromium, "Verification code", verifyApi.lastCodeSentTo(number));
        click(chromium, "Confirm");
        assertTrue(page(chromium).contains("Two-factor authentication is enabled."), page(chromium));

        type(chromium, "Name of the new passkey", "Laptop");
        click(chromium, "Add a passkey or security key");
        assertTrue(page(chromium).contains("The passkey was added."), page(chromium));
        assertTrue(page(chromium).contains("Laptop"), page(chromium));
        assertEquals(1, authenticator.getCredentials().size(), "the authenticator holds the new passkey");
    }

    /**
     * Presses "Use your passkey" in a browser whose authenticator holds no passkey of the account: the
     * ceremony finds none, nothing is posted, and the page says so.
     *
     * @return what the page says
     */
    private static String usePasskeyInVain(ChromeDriver browser) {
        browser.findElement(By.xpath("//input[@value='Use your passkey']")).click();
        WebElement failure = browser.findElement(By.cssSelector("[data-passkey-failure]"));
        wait(browser).until(ExpectedConditions.visibilityOf(failure));
        return failure.getText();
    }

    private static VirtualAuthenticatorOptions authenticatorOptions() {
        return new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true);
    }

    private ChromeDriver newChromium() {
        String binary = System.getProperty("it.chromium", "/usr/bin/chromium");
        String driver = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        boolean present = Files.isExecutable(Path.of(binary)) && Files.isExecutable(Path.of(driver));
        if (!present) {
            String what = "The browser test needs Chromium (" + binary + ") and its ChromeDriver (" + driver + ")";
            boolean optional = Boolean.getBoolean("it.chromium.optional") && !"true".equalsIgnoreCase(System.getenv("CI"));
            Assumptions.assumeFalse(optional, what + ". Skipped: -Dit.chromium.optional=true");
            throw new AssertionError(what + ". To skip this test on a machine without them, and only there: -Dit.chromium.optional=true");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1200,1000", "--lang=en-GB");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB"));
        ChromeDriver browser = new ChromeDriver(options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
        browsers.add(browser);
        return browser;
    }

    private void signInWithPassword(ChromeDriver browser, String email) {
        open(browser, "/signin.xhtml");
        type(browser, "Email", email);
        type(browser, "Password", PASSWORD);
        click(browser, "Sign in");
    }

    private static void open(ChromeDriver browser, String path) {
        browser.get(baseUrl() + path.replaceFirst("^/", ""));
    }

    private static WebElement field(ChromeDriver browser, String label) {
        WebElement labelElement = browser.findElement(By.xpath("//label[normalize-space(.)='" + label + "']"));
        return browser.findElement(By.id(labelElement.getAttribute("for")));
    }

    private static void type(ChromeDriver browser, String label, String text) {
        WebElement input = field(browser, label);
        input.clear();
        input.sendKeys(text);
    }

    /** Presses a submit button and waits until the next page has replaced this one (after any ceremony). */
    private static void click(ChromeDriver browser, String buttonText) {
        press(browser, By.xpath("//input[@type='submit' and @value='" + buttonText + "']"));
    }

    private static void press(ChromeDriver browser, By button) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(button).click();
        wait(browser).until(driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    private static WebDriverWait wait(ChromeDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(15), Duration.ofMillis(50));
    }

    private static String page(ChromeDriver browser) {
        return browser.findElement(By.tagName("body")).getText();
    }
}

package com.videoapi.portal.it.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Base of the tests in a real browser (Debian's headless Chromium, through its ChromeDriver): fields
 * found by their labels as a person finds them, buttons by their words. When a test fails, a
 * screenshot of every {@link #step step} so far is kept under target/failsafe-reports/chromium/.
 *
 * <p>{@link #assertAccessible(String)} runs axe-core's rules on the page as it is now: one call per
 * state a person meets (a new page, or a page in a new state: with an error, a step further).
 */
public abstract class ChromiumTest extends PortalTest {

    /** The browser of this test; {@link #restartIn} replaces it. */
    protected WebDriver chromium;
    /** How long a look for an element waits for it to appear. */
    private static final Duration IMPLICIT_WAIT = Duration.ofSeconds(10);
    private final List<Map.Entry<String, byte[]>> screenshots = new ArrayList<>();

    @RegisterExtension
    final TestWatcher keepScreenshots = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            Path dir = Path.of(System.getProperty("it.reports", "target/failsafe-reports"), "chromium");
            try {
                Files.createDirectories(dir);
                String test = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
                for (int i = 0; i < screenshots.size(); i++) {
                    Files.write(dir.resolve(String.format("%s-%02d-%s.png", test, i + 1, screenshots.get(i).getKey())),
                            screenshots.get(i).getValue());
                }
                System.err.println(screenshots.size() + " screenshot(s) of the failed browser test kept in " + dir);
            } catch (IOException e) {
                System.err.println("Could not keep the screenshots: " + e);
            }
        }
    };

    @BeforeEach
    void startChromium() {
        chromium = chromium("en-GB");
    }

    @AfterEach
    void stopChromium() {
        if (chromium != null) {
            chromium.quit();
        }
    }

    /** A new browser whose person reads {@code language} first (Accept-Language), instead of this test's. */
    protected void restartIn(String language) {
        stopChromium();
        chromium = chromium(language);
    }

    private static WebDriver chromium(String language) {
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
                "--disable-sync", "--window-size=1200,1000", "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        WebDriver chromium = new ChromeDriver(options);
        // A click that submits a form returns before the next page is there: look for a while.
        chromium.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        // A page that never finishes loading, or a scan that never returns, fails the test instead of
        // holding the build (ChromeDriver's own limit is 5 minutes a command).
        chromium.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        chromium.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return chromium;
    }

    protected void open(String path) {
        chromium.get(baseUrl() + path.replaceFirst("^/", ""));
    }

    /** The form control that the label with this text is for. */
    protected WebElement field(String label) {
        WebElement labelElement = chromium.findElement(By.xpath("//label[normalize-space(.)=" + literal(label) + "]"));
        return chromium.findElement(By.id(labelElement.getAttribute("for")));
    }

    /** Text as an XPath string literal; the product's labels have apostrophes ("Confirm it's you"). */
    private static String literal(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    protected void type(String label, String text) {
        WebElement input = field(label);
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Pastes {@code text} into the field labelled {@code label} as a person does: the text goes to the
     * clipboard, and Ctrl+V in the field. Fails when the field did not take all of it.
     */
    protected void paste(String label, String text) {
        URI base = URI.create(baseUrl());
        ((HasCdp) chromium).executeCdpCommand("Browser.grantPermissions", Map.of(
                "origin", base.getScheme() + "://" + base.getAuthority(),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        Object copied = ((JavascriptExecutor) chromium).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " navigator.clipboard.writeText(arguments[0]).then(function () { done('copied'); }, function (e) { done(String(e)); });", text);
        if (!"copied".equals(copied)) {
            throw new AssertionError("Could not put the text on the clipboard: " + copied);
        }
        WebElement input = field(label);
        input.clear();
        input.sendKeys(Keys.chord(Keys.CONTROL, "v"));
        if (!text.equals(input.getDomProperty("value"))) {
            throw new AssertionError("The field '" + label + "' took '" + input.getDomProperty("value") + "' of the pasted '" + text + "'");
        }
    }

    /** The button with these words (a submit input or a button element). */
    protected WebElement button(String buttonText) {
        return chromium.findElement(By.xpath("//input[@type='submit' and @value=" + literal(buttonText)
                + "] | //button[normalize-space(.)=" + literal(buttonText) + "]"));
    }

    /** Presses a button that submits a form, and waits until the next page has replaced this one. */
    protected void click(String buttonText) {
        follow(button(buttonText));
    }

    protected void follow(WebElement buttonOrLink) {
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
    protected WebDriverWait pageWait() {
        return new WebDriverWait(chromium, Duration.ofSeconds(10), Duration.ofMillis(50));
    }

    /** The words the page shows. */
    protected String page() {
        return chromium.findElement(By.tagName("body")).getText();
    }

    /** Keeps a screenshot of this step, for the report of a failed test. */
    protected void step(String name) {
        screenshots.add(Map.entry(name, ((TakesScreenshot) chromium).getScreenshotAs(OutputType.BYTES)));
    }

    /**
     * Runs axe-core on the page as it is now, with every rule axe runs by default (WCAG 2.0, 2.1 and
     * 2.2 A and AA, and its best practices): fails with each violation, the elements and how to fix
     * them. The scan runs through the driver, so the page's {@code script-src 'self'} does not stop it.
     *
     * @param state what the person sees, for the report ("code page, wrong code")
     */
    protected void assertAccessible(String state) {
        step(state.replaceAll("[^A-Za-z0-9]+", "-"));
        // Legacy mode: axe.run in the page itself. The portal's pages have no frames, which the newer mode
        // is for; it opens a blank window per scan, which timed out on a busy machine.
        // Without the implicit wait while axe looks for frames: none found would cost its 10 s each time.
        chromium.manage().timeouts().implicitlyWait(Duration.ZERO);
        Results results;
        try {
            results = new AxeBuilder().setLegacyMode(true).analyze(chromium);
        } finally {
            chromium.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        }
        if (results.isErrored()) {
            throw new AssertionError("axe-core did not run on " + state + ": " + results.getErrorMessage());
        }
        if (results.getPasses().isEmpty()) {
            throw new AssertionError("axe-core checked nothing on " + state + " (" + chromium.getCurrentUrl() + ")");
        }
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " accessibility violation(s) on " + state + " (" + chromium.getCurrentUrl()
                    + "):\n" + violations.stream().map(ChromiumTest::describe).collect(Collectors.joining("\n")));
        }
    }

    private static String describe(Rule violation) {
        return "- " + violation.getId() + " (" + violation.getImpact() + "): " + violation.getHelp() + " " + violation.getHelpUrl()
                + violation.getNodes().stream().map(node -> "\n    " + node.getTarget() + " " + node.getHtml()
                        + (node.getFailureSummary() == null ? "" : "\n      " + node.getFailureSummary().replace("\n", "\n      ")))
                .collect(Collectors.joining());
    }

    /**
     * After a sign-up ("Check your inbox to finish", nobody signed in): signs in with the password, which
     * works before the address is verified. Fields by their ids, so it works in every language.
     */
    protected void signInAfterSignUp(String email) {
        open("/signin.xhtml");
        chromium.findElement(By.id("signin:email")).sendKeys(email);
        chromium.findElement(By.id("signin:password")).sendKeys(PASSWORD);
        follow(chromium.findElement(By.id("signin:sign-in")));
    }
}

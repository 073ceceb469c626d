package com.videoapi.portal.it.support;

import com.videoapi.portal.security.verification.fake.FakeVerifyApi;
import org.htmlunit.html.DomNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every test of the running portal has: a fresh {@link Browser} per test, the fake Verify API
 * that receives the portal's codes, and the steps a person takes (sign up, sign in, enable 2FA).
 *
 * <p>It deploys nothing: Maven deployed the portal before the tests (see {@link PortalTest}). When a
 * test fails, {@link LastPageOnFailure} keeps the page it was looking at.
 */
@ExtendWith({VerifyApi.class, Mailbox.class})
public abstract class PortalSteps {

    protected Browser browser;

    /** Where the portal's text messages go; tests read the codes it "sent" from here. */
    protected final FakeVerifyApi verifyApi = VerifyApi.running();

    @RegisterExtension
    final LastPageOnFailure lastPage = new LastPageOnFailure(() -> browser);

    @BeforeEach
    void openBrowser() {
        browser = new Browser(baseUrl());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    public static String baseUrl() {
        return System.getProperty("portal.base-url", "http://localhost:8180/");
    }

    /** An address no other test uses, so tests need no clean-up and may run in any order. */
    protected static String uniqueEmail(String who) {
        return who + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    protected static final String PASSWORD = "correct horse battery staple";

    /** The cookie that makes a browser a trusted device, over plain HTTP (over HTTPS: {@code __Host-} and this). */
    protected static final String TRUSTED_DEVICE_COOKIE = "portal_trusted_device";

    /** For what a browser would hide: raw status codes and headers, no redirects followed. */
    protected static final HttpClient NO_REDIRECTS = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** A 6-digit code that is not {@code right}. */
    protected static String wrongCode(String right) {
        return "000000".equals(right) ? "111111" : "000000";
    }

    /**
     * A form post of the page's own form, made by hand (as a script or a double click sends it) in the
     * browser's session: {@code fields} are name and value pairs, the current page's view state is added.
     */
    protected HttpRequest formPost(String path, String... fields) {
        return formPost(browser, path, fields);
    }

    /** As {@link #formPost(String, String...)}, in the session and with the page of the browser {@code in}. */
    protected static HttpRequest formPost(Browser in, String path, String... fields) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            form.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8)).append('&');
        }
        form.append("jakarta.faces.ViewState=").append(URLEncoder.encode(in.viewState(), StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(baseUrl() + path.replaceFirst("^/", "")))
                .header("Cookie", "JSESSIONID=" + in.sessionId())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build();
    }

    /** Mobile numbers that libphonenumber accepts, as typed in the UK and as stored. */
    protected static final String UK_MOBILE = "07400 123456";
    protected static final String UK_MOBILE_E164 = "+447400123456";
    protected static final String UK_MOBILE_MASKED = "+44 •••• ••3456";

    // Counted, not drawn at random: about a thousand random numbers a run met one another about one run in
    // three (the birthday bound), and a number's budgets and Verify's one verification per number then
    // leaked from one test into another. Consecutive numbers also differ in the last four digits shown.
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_MOBILE =
            new java.util.concurrent.atomic.AtomicInteger(java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000));

    /**
     * A UK mobile no other test of this run uses (nor {@link #UK_MOBILE}): Verify allows one verification
     * per number at a time, and the portal counts codes per number.
     */
    protected static String uniqueUkMobile() {
        String number;
        do {
            number = "+447400" + String.format("%06d", Math.floorMod(NEXT_MOBILE.getAndIncrement(), 1_000_000));
        } while (number.equals(UK_MOBILE_E164));
        return number;
    }

    /** How the portal shows {@link #uniqueUkMobile()}: country code, bullets, the last four digits. */
    protected static String masked(String ukE164) {
        return "+44 •••• ••" + ukE164.substring(ukE164.length() - 4);
    }

    /** How many codes the portal had the fake Verify API send to this number (E.164). */
    protected long codesSentTo(String e164) {
        return verifyApi.codesSent().stream().filter(c -> ("+" + c.to()).equals(e164)).count();
    }

    /**
     * Creates an account and signs in with its password (which works before the address is verified):
     * the person is signed in on the account home afterwards.
     */
    protected void signUp(String accountName, String email) {
        createAccount(accountName, email, PASSWORD);
        if (!browser.shows("Check your inbox to finish")) {
            throw new AssertionError("The account was not created: " + browser.text());
        }
        signIn(email, PASSWORD);
    }

    /** Fills in "Create account" and presses it; nobody is signed in after. */
    protected void createAccount(String accountName, String email, String password) {
        browser.open("/create-account.xhtml")
                .fillIn("Account name", accountName)
                .fillIn("Email", email)
                .fillIn("Password", password)
                .press("Create account");
    }

    protected void signIn(String email, String password) {
        browser.open("/signin.xhtml").fillIn("Email", email).fillIn("Password", password).press("Sign in");
    }

    /** Profile, Security Settings, Use 2FA, the number, Submit: a code is on its way. */
    protected void askForEnrolmentCode(String typedNumber) {
        browser.open("/profile.xhtml").check("Use 2FA").fillIn("Phone number", typedNumber).press("Submit");
    }

    /** The whole enrolment, with the code the fake Verify API "sent". */
    protected void enableTwoFactor(String typedNumber, String e164) {
        askForEnrolmentCode(typedNumber);
        browser.fillIn("Verification code", verifyApi.lastCodeSentTo(e164)).press("Confirm");
        if (!browser.shows("Two-factor authentication is enabled.")) {
            throw new AssertionError("2FA was not enabled: " + browser.text());
        }
    }

    /**
     * Signs in with the password, then the code the fake Verify API "sent" to {@code e164},
     * ticking "Trust this device" when asked to.
     */
    protected void signInWithCode(String email, String e164, boolean trustThisDevice) {
        signIn(email, PASSWORD);
        browser.fillIn("Verification code", verifyApi.lastCodeSentTo(e164));
        if (trustThisDevice) {
            browser.check("Trust this device");
        }
        browser.press("Verify");
    }

    /**
     * Adds an authenticator app on Security Settings (with a fresh proof of identity), typing the code
     * computed from the key shown.
     */
    protected AuthenticatorApp addAuthenticatorApp() {
        browser.press("Add an authenticator app");
        AuthenticatorApp app = AuthenticatorApp.withKey(browser.html().getElementById("authenticator-secret").asNormalizedText());
        browser.fillIn("Code from the app", app.codeNow()).press("Confirm");
        if (!browser.shows("Your authenticator app was added.")) {
            throw new AssertionError("The app was not added: " + browser.text());
        }
        return app;
    }

    /** The first set of recovery codes, shown once below "Two-factor authentication is enabled": saved. */
    protected List<String> savedCodes() {
        List<String> codes = shownCodes();
        assertEquals(10, codes.size(), browser.describe());
        browser.check("I have saved these codes").press("Continue");
        return codes;
    }

    /** The recovery codes the page shows now (none once "Continue" was pressed). */
    protected List<String> shownCodes() {
        List<DomNode> shown = browser.html().getByXPath("//ol[@id='recovery-codes']//code");
        return shown.stream().map(DomNode::asNormalizedText).toList();
    }

    /** A new person with an account, signed in, with 2FA on for {@code e164}. */
    protected String personWithTwoFactor(String who, String e164) {
        String email = uniqueEmail(who);
        signUp(who + "'s account", email);
        enableTwoFactor(e164, e164);
        return email;
    }

    /**
     * Sends every request from a thread of its own, all released by one latch (an attacker's burst);
     * every answer must be a page (200).
     */
    protected static List<HttpResponse<String>> releasedAtOnce(List<HttpRequest> posts) throws Exception {
        List<HttpResponse<String>> answers = sentAtOnce(posts);
        for (HttpResponse<String> page : answers) {
            assertEquals(200, page.statusCode(), page.body());
        }
        return answers;
    }

    /**
     * As {@link #releasedAtOnce}, but any status is an answer (a sign-in that succeeds redirects), and
     * redirects are not followed.
     */
    protected static List<HttpResponse<String>> sentAtOnce(List<HttpRequest> posts) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService threads = Executors.newFixedThreadPool(posts.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (HttpRequest post : posts) {
                sent.add(threads.submit(() -> {
                    go.await();
                    return http.send(post, HttpResponse.BodyHandlers.ofString());
                }));
            }
            go.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}

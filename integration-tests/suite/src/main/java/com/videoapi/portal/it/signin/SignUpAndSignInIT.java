package com.videoapi.portal.it.signin;

import com.videoapi.portal.it.support.Mailbox;
import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.WildFlyOnly;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-up, sign-in and sign-out with a password, through the product's authentication mechanism. */
class SignUpAndSignInIT extends PortalTest {

    /** Creates the account and, when it was created, signs in with the password (allowed before the link). */
    private void signUp(String accountName, String email, String password) {
        browser.open("/create-account.xhtml")
                .fillIn("Account name", accountName)
                .fillIn("Email", email)
                .fillIn("Password", password)
                .press("Create account");
        if (browser.shows("Check your inbox to finish")) {
            signIn(email, password);
        }
    }

    @Test
    void a_new_person_creates_an_account_and_lands_on_its_home() {
        // 1. The portal's address shows the sign-in page to someone not signed in.
        browser.open("/");
        assertEquals("/signin.xhtml", browser.path());
        // 2. From there, "Create account".
        browser.press("Create account");
        assertEquals("Create account", browser.heading());
        // 3. Fill in the account's name, an e-mail address and a password; create the account.
        String email = uniqueEmail("ann");
        browser.fillIn("Account name", "Acme Video")
                .fillIn("Email", email)
                .fillIn("Password", PASSWORD)
                .press("Create account");
        // 4. "Check your inbox to finish", signed in as nobody: the account home still asks to sign in.
        assertEquals("Check your inbox to finish", browser.heading());
        browser.open("/home.xhtml");
        assertEquals("/signin.xhtml", browser.path());
        // 5. The link in the mail verifies the address, says so, and offers "Sign in" (it signs nobody in).
        browser.open(Mailbox.newest(email).tokenPath());
        assertTrue(browser.shows("Your email address is verified."), browser.describe());
        browser.press("Sign in");
        assertEquals("/signin.xhtml", browser.path());
        // 6. Signed in, on the account home, which shows the account's name.
        signIn(email, PASSWORD);
        assertEquals("/", browser.path());
        assertEquals("Acme Video", browser.heading());
        // 7. The header carries Profile and Sign out; Profile opens the page with Security Settings.
        browser.press("Profile");
        assertEquals("Profile", browser.heading());
        assertTrue(browser.shows("Security Settings"));
        assertTrue(browser.html().getByXPath("//input[@value='Sign out']").size() == 1);
    }

    @Test
    void the_owner_signs_out_and_in_again() {
        String email = uniqueEmail("bob");
        // 1. Bob has an account and is signed in.
        signUp("Bob's Studio", email, PASSWORD);
        assertEquals("Bob's Studio", browser.heading());
        String sessionWhileSignedIn = browser.sessionId();
        // 2. He signs out and is told so.
        browser.press("Sign out");
        assertEquals("/signin.xhtml", browser.path());
        assertTrue(browser.shows("You have signed out."));
        // 3. The account home is no longer his without signing in.
        browser.open("/home.xhtml");
        assertEquals("/signin.xhtml", browser.path());
        // 4. The session he had is gone, not merely forgotten by the browser.
        assertEquals(302, statusWithSession("/home.xhtml", sessionWhileSignedIn));
        // 5. He signs in again, typing his address differently, and is home.
        signIn("  " + email.toUpperCase() + " ", PASSWORD);
        assertEquals("/", browser.path());
        assertEquals("Bob's Studio", browser.heading());
    }

    @Test
    void the_session_id_changes_at_sign_in() {
        String email = uniqueEmail("cleo");
        signUp("Cleo Films", email, PASSWORD);
        browser.press("Sign out");
        // 1. The sign-in page gives the browser a session (it holds the form's state).
        browser.open("/signin.xhtml");
        String before = browser.sessionId();
        assertNotNull(before);
        // 2. After signing in the session id is another: one planted before sign-in is worthless.
        browser.fillIn("Email", email).fillIn("Password", PASSWORD).press("Sign in");
        assertEquals("Cleo Films", browser.heading());
        assertNotEquals(before, browser.sessionId());
        assertEquals(302, statusWithSession("/home.xhtml", before));
    }

    @WildFlyOnly("on Payara /WEB-INF/web.xml answers 302 to the sign-in page, not 404 (the sign-in mechanism runs"
            + " before the container hides WEB-INF; nothing is disclosed, but it differs: reported)")
    @Test
    void pages_behind_sign_in_are_refused_without_a_session() throws Exception {
        for (String path : List.of("/", "/home.xhtml", "/profile.xhtml", "/no-such-page.xhtml")) {
            HttpResponse<String> response = get(path, null);
            assertEquals(302, response.statusCode(), path);
            assertTrue(response.headers().firstValue("Location").orElse("").endsWith("/signin.xhtml"), path);
            assertFalse(response.body().contains("Profile"), path);
        }
        assertEquals(404, get("/WEB-INF/web.xml", null).statusCode());
        // What must stay reachable before sign-in.
        assertEquals(200, get("/signin.xhtml", null).statusCode());
        assertEquals(200, get("/create-account.xhtml", null).statusCode());
        assertEquals(200, get("/jakarta.faces.resource/css/portal.css.xhtml", null).statusCode());
    }

    @Test
    void a_second_sign_up_with_the_same_address_gets_the_same_answer_and_creates_nothing() {
        String email = uniqueEmail("dan");
        signUp("Dan Media", email, PASSWORD);
        browser.press("Sign out");
        // 1. Someone tries the same address, in other letters' case.
        browser.open("/create-account.xhtml")
                .fillIn("Account name", "Another Dan")
                .fillIn("Email", email.toUpperCase())
                .fillIn("Password", "another long passphrase")
                .press("Create account");
        // 2. The answer of any sign-up, which tells nothing of who has an account (EmailAddressesIT compares them).
        assertEquals("Check your inbox to finish", browser.heading());
        assertFalse(browser.shows("already"), browser.describe());
        // 3. The first owner's password still works; the second one's does not.
        signIn(email, "another long passphrase");
        assertTrue(browser.shows("The email address or password is incorrect."));
        signIn(email, PASSWORD);
        assertEquals("Dan Media", browser.heading());
    }

    @Test
    void a_wrong_password_and_an_unknown_address_get_the_same_answer() {
        String email = uniqueEmail("eve");
        signUp("Eve Ltd", email, PASSWORD);
        browser.press("Sign out");
        // 1. The right address with a wrong password.
        signIn(email, "not the password at all");
        String wrongPassword = messagesOnPage();
        assertEquals("/signin.xhtml", browser.path());
        // 2. An address nobody has.
        signIn(uniqueEmail("nobody"), PASSWORD);
        String unknownAddress = messagesOnPage();
        // 3. Word for word the same, so the page tells nothing of who has an account.
        assertTrue(wrongPassword.contains("The email address or password is incorrect."));
        assertEquals(wrongPassword, unknownAddress);
        browser.open("/home.xhtml");
        assertEquals("/signin.xhtml", browser.path());
    }

    @Test
    void a_short_password_is_refused_with_the_rule() {
        signUp("Fay Co", uniqueEmail("fay"), "short");
        assertEquals("Create account", browser.heading());
        assertTrue(browser.shows("The password must be at least 12 characters long."));
    }

    @Test
    void empty_fields_get_messages_not_errors() {
        browser.open("/create-account.xhtml").press("Create account");
        assertAll(
                () -> assertEquals(200, browser.status()),
                () -> assertTrue(browser.shows("Enter a name for the account.")),
                () -> assertTrue(browser.shows("Enter your email address.")),
                () -> assertTrue(browser.shows("Choose a password of at least 12 characters.")));
        browser.open("/signin.xhtml").press("Sign in");
        assertTrue(browser.shows("Enter your email address."));
        assertTrue(browser.shows("Enter your password."));
    }

    @Test
    void ten_thousand_characters_get_messages_not_errors() {
        String huge = "x".repeat(10_000);
        // 1. Past the fields' maxlength, as a script would send them.
        browser.open("/create-account.xhtml");
        browser.post("/create-account.xhtml", List.of(
                new NameValuePair("create-account", "create-account"),
                new NameValuePair("create-account:accountName", huge),
                new NameValuePair("create-account:email", huge + "@example.com"),
                new NameValuePair("create-account:password", huge),
                new NameValuePair("create-account:create", "Create account"),
                new NameValuePair("jakarta.faces.ViewState", browser.viewState())));
        assertEquals(200, browser.status());
        assertTrue(browser.shows("The account name can be at most 100 characters."), browser.describe());
        // 2. The same at sign-in: just "incorrect".
        browser.open("/signin.xhtml");
        browser.post("/signin.xhtml", List.of(
                new NameValuePair("signin", "signin"),
                new NameValuePair("signin:email", huge),
                new NameValuePair("signin:password", huge),
                new NameValuePair("signin:sign-in", "Sign in"),
                new NameValuePair("jakarta.faces.ViewState", browser.viewState())));
        assertEquals(200, browser.status());
        assertTrue(browser.shows("The email address or password is incorrect."));
    }

    @Test
    void odd_unicode_is_kept_or_refused_cleanly() {
        String email = uniqueEmail("gil");
        // 1. Letters of any script and emoji make a fine account name and password.
        signUp("Studio \u6771\u4eac \uD83C\uDFAC \u202Eevil", email, "\u043f\u0430\u0440\u043e\u043b\u044c \uD83D\uDD12 \u00e9t\u00e9 \u6771\u4eac");
        assertTrue(browser.heading().startsWith("Studio \u6771\u4eac \uD83C\uDFAC"), browser.heading());
        browser.press("Sign out");
        signIn(email, "\u043f\u0430\u0440\u043e\u043b\u044c \uD83D\uDD12 e\u0301te\u0301 \u6771\u4eac"); // decomposed accents
        assertTrue(browser.heading().startsWith("Studio"), "the same passphrase, composed differently, signs in");
        browser.press("Sign out");
        // 2. A control character in an account name is refused with a message.
        signUp("Bell\u0007Studio", uniqueEmail("hal"), PASSWORD);
        assertTrue(browser.shows("The account name cannot contain control characters."));
    }

    @Test
    void a_form_post_without_view_state_changes_nothing_and_says_so() {
        String email = uniqueEmail("ivy");
        browser.open("/create-account.xhtml");
        browser.post("/create-account.xhtml", List.of(
                new NameValuePair("create-account", "create-account"),
                new NameValuePair("create-account:accountName", "Ivy Inc"),
                new NameValuePair("create-account:email", email),
                new NameValuePair("create-account:password", PASSWORD),
                new NameValuePair("create-account:create", "Create account")));
        assertEquals(200, browser.status());
        assertTrue(browser.shows("The form could not be sent, so nothing was changed."));
        // No account was opened.
        signIn(email, PASSWORD);
        assertTrue(browser.shows("The email address or password is incorrect."));
    }

    @Test
    void a_form_from_an_ended_session_is_answered_with_a_page_not_a_stack_trace() {
        signUp("Jo Pictures", uniqueEmail("jo"), PASSWORD);
        browser.press("Sign out");
        browser.open("/signin.xhtml");
        String staleViewState = browser.viewState();
        browser.cookies().clearCookies(); // the session behind that form is gone
        browser.post("/signin.xhtml", List.of(
                new NameValuePair("signin", "signin"),
                new NameValuePair("signin:email", "jo@example.com"),
                new NameValuePair("signin:password", PASSWORD),
                new NameValuePair("signin:sign-in", "Sign in"),
                new NameValuePair("jakarta.faces.ViewState", staleViewState)));
        assertTrue(browser.shows("This page had expired"), browser.describe());
        assertFalse(browser.text().contains("Exception"));
    }

    private String messagesOnPage() {
        return browser.html().getElementById("signin:messages").asNormalizedText();
    }

    private static int statusWithSession(String path, String sessionId) {
        try {
            return get(path, sessionId).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> get(String path, String sessionId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path.replaceFirst("^/", "")));
        if (sessionId != null) {
            request.header("Cookie", "JSESSIONID=" + sessionId);
        }
        return NO_REDIRECTS.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

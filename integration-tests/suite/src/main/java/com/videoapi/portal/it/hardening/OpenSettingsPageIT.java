package com.videoapi.portal.it.hardening;

import com.videoapi.portal.it.support.Browser;
import com.videoapi.portal.it.support.PortalTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Security Settings page stays open in a browser whose session then signs in as someone else
 * (issue 9, races between requests): the open page acts only for the user it was built for, and a
 * fresh proof of identity counts only for the user who gave it.
 */
class OpenSettingsPageIT extends PortalTest {

    /**
     * A sign-in form opened before someone signed in, posted afterwards as someone else, does not
     * put that someone into the session the open page belongs to (the form sends a signed-in
     * person home); so the page, which acts only for its own user ({@code PageUser}), stays with
     * the person who opened it.
     */
    @Test
    void a_sign_in_form_opened_earlier_does_not_put_someone_else_into_the_open_session() {
        String bob = uniqueEmail("bob");
        try (Browser bobsOwn = new Browser(baseUrl())) {
            Browser mine = browser;
            browser = bobsOwn;
            signUp("Bob", bob);
            browser = mine;
        }
        String alicesNumber = uniqueUkMobile();
        try (Browser signInTab = browser.newTab()) {
            // 1. A sign-in page, opened in one tab while nobody is signed in.
            signInTab.open("/signin.xhtml");
            // 2. In another tab Alice creates her account and opens Security Settings.
            String alice = uniqueEmail("alice");
            signUp("Alice's account", alice);
            browser.open("/profile.xhtml");
            // 3. Bob uses the first tab: he is not signed in over Alice.
            signInTab.fillIn("Email", bob).fillIn("Password", PASSWORD).press("Sign in");
            assertFalse(signInTab.shows(bob), signInTab.text());
            assertTrue(signInTab.open("/profile.xhtml").shows(alice), signInTab.text());
            // 4. Alice's open page still works for Alice.
            browser.check("Use 2FA").fillIn("Phone number", alicesNumber).press("Submit");
            assertTrue(browser.shows("We sent a 6-digit code to " + masked(alicesNumber)), browser.describe());
        }
    }

    @Test
    void creating_an_account_while_signed_in_is_refused() {
        String alice = uniqueEmail("alice");
        signUp("Alice", alice);
        String bob = uniqueEmail("bob");
        browser.open("/create-account.xhtml")
                .fillIn("Account name", "Bob")
                .fillIn("Email", bob)
                .fillIn("Password", PASSWORD)
                .press("Create account");
        assertTrue(browser.shows("You are signed in. Sign out before you create another account."), browser.describe());
        // Alice is still the one signed in here, and no account was opened for Bob.
        assertTrue(browser.open("/profile.xhtml").shows(alice), browser.describe());
        try (Browser elsewhere = new Browser(baseUrl())) {
            elsewhere.open("/signin.xhtml").fillIn("Email", bob).fillIn("Password", PASSWORD).press("Sign in");
            assertEquals("/signin.xhtml", elsewhere.path());
        }
    }
}

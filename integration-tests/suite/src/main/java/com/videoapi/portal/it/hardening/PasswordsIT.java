package com.videoapi.portal.it.hardening;

import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.ServerLog;
import com.videoapi.portal.it.support.ServerSetting;
import com.videoapi.portal.it.support.TestDatabase;
import com.videoapi.portal.it.support.WildFlyOnly;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Passwords an attacker tries first cannot be chosen; and stored hashes keep up with the iteration
 * count the operator sets, without anyone choosing a new password.
 */
class PasswordsIT extends PortalTest {

    private static final String COMMON = "This password is on a list of common or leaked passwords that attackers try first.";
    private static final String REFUSED = "The email address or password is incorrect.";
    private static final String RENEWED = "Password storage strengthened";

    /** The iteration count the test servers hash with (integration-tests/pom.xml, it.pbkdf2-iterations). */
    private static final String TEST_SERVERS_ITERATIONS = System.getProperty("it.pbkdf2-iterations", "10000");

    @Test
    void signing_up_with_a_common_password_is_refused_with_the_message_and_changes_nothing() {
        String email = uniqueEmail("common");
        // 1. Someone picks one of the passwords a guessing tool tries first, capitals and all.
        browser.open("/create-account.xhtml")
                .fillIn("Account name", "Common Choice")
                .fillIn("Email", email)
                .fillIn("Password", "Password1234")
                .press("Create account");
        // 2. Refused next to the field, on the same page, saying why.
        assertEquals("Create account", browser.heading());
        assertTrue(browser.shows(COMMON), browser.describe());
        // 3. No account was made: that password opens nothing, and the address is still free.
        signIn(email, "Password1234");
        assertTrue(browser.shows(REFUSED));
        signUp("Common Choice", email);
        assertEquals("/", browser.path());
        assertEquals("Common Choice", browser.heading());
    }

    @Test
    void changing_the_password_to_a_common_one_is_refused_and_the_old_one_still_works() {
        String email = uniqueEmail("change");
        signUp("Change Co", email);
        // 1. Signed in, the owner tries a common password with spaces in it: still common.
        browser.open("/profile.xhtml").fillIn("Current password", PASSWORD)
                .fillIn("New password", "qwerty 123456").press("Change password");
        assertTrue(browser.shows(COMMON), browser.describe());
        assertFalse(browser.shows("Your password was changed."));
        // 2. Still signed in, in this session (a change would have kept it too, but nothing changed).
        browser.open("/profile.xhtml");
        assertEquals("/profile.xhtml", browser.path());
        // 3. The old password still opens the account; the common one does not.
        browser.press("Sign out");
        signIn(email, "qwerty 123456");
        assertTrue(browser.shows(REFUSED));
        signIn(email, PASSWORD);
        assertEquals("/", browser.path());
    }

    @Test
    @WildFlyOnly("raises passwords.pbkdf2.iterations in the running server through WildFly's management API")
    void a_hash_with_fewer_iterations_than_configured_is_renewed_at_the_next_sign_in() throws SQLException {
        int before = Integer.parseInt(TEST_SERVERS_ITERATIONS);
        int raised = 2 * before;
        String email = uniqueEmail("rehash");
        // 1. An account whose password was hashed with the test servers' count.
        signUp("Rehash Studio", email);
        browser.press("Sign out");
        if (!TestDatabase.isH2()) {
            assertEquals(before, iterationsStoredFor(email));
        }
        try (ServerSetting iterations = ServerSetting.set("passwords.pbkdf2.iterations", Integer.toString(raised),
                TEST_SERVERS_ITERATIONS)) {
            // 2. The operator raised the count; the owner signs in as always.
            long logFrom = ServerLog.size();
            signIn(email, PASSWORD);
            assertEquals("/", browser.path());
            // 3. The stored hash now has the new count: on record for the owner and in the audit log, and
            //    in the database where the tests can read it (H2 lives inside the server).
            assertEquals(1, renewalsShown());
            assertTrue(ServerLog.since(logFrom).lines().anyMatch(line -> line.contains("PASSWORD_REHASHED")
                    && line.contains("PBKDF2 iterations " + before + " -> " + raised)), "the audit line of the renewal");
            if (!TestDatabase.isH2()) {
                assertEquals(raised, iterationsStoredFor(email));
            }
            // 4. The new hash opens the account, and is current: the next sign-in renews nothing.
            browser.press("Sign out");
            signIn(email, PASSWORD);
            assertEquals("/", browser.path());
            assertEquals(1, renewalsShown());
        }
        // 5. Lowered again, the count never weakens a stored hash.
        browser.press("Sign out");
        signIn(email, PASSWORD);
        assertEquals(1, renewalsShown());
        if (!TestDatabase.isH2()) {
            assertEquals(raised, iterationsStoredFor(email));
        }
    }

    /** How many times Security Settings shows the owner's hash renewed. */
    private int renewalsShown() {
        browser.open("/profile.xhtml");
        String events = browser.html().getElementById("recent-events").asNormalizedText();
        return events.split(RENEWED, -1).length - 1;
    }

    /** The iteration count of the user's stored hash in PostgreSQL (Soteria's format: algorithm:iterations:salt:key). */
    private static int iterationsStoredFor(String email) throws SQLException {
        try (Connection database = TestDatabase.connect();
             PreparedStatement query = database.prepareStatement("select password_hash from users where email = ?")) {
            query.setString(1, email);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "no user " + email);
                return Integer.parseInt(row.getString(1).split(":")[1]);
            }
        }
    }
}

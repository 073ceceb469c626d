package com.videoapi.portal.it.operations;

import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * PostgreSQL stops in the middle of an enrolment: the person is told plainly, nothing is half-done,
 * and once the database is back the enrolment succeeds. Runs on PostgreSQL only.
 */
class DatabaseOutageIT extends PortalTest {

    private static final String OUTAGE_MESSAGE =
            "We cannot reach our database just now, so nothing was changed. Please try again in a few minutes.";

    @BeforeEach
    void aDatabaseThatCanBeStopped() {
        assumeFalse(TestDatabase.isH2(), "H2 runs inside WildFly's JVM: it cannot be stopped on its own");
    }

    @AfterEach
    void databaseBackWhateverHappened() {
        // The next test classes share this database.
        if (!TestDatabase.isH2()) {
            TestDatabase.start();
        }
    }

    @Test
    void an_outage_while_confirming_the_code_enables_nothing_and_a_retry_succeeds() throws SQLException {
        // 1. A person signed in asks for 2FA: the code is on its way.
        String email = uniqueEmail("outage");
        signUp("Outage Ltd", email);
        String number = uniqueUkMobile();
        askForEnrolmentCode(number);
        assertTrue(browser.shows("We sent a 6-digit code to " + masked(number)), browser.describe());
        String code = verifyApi.lastCodeSentTo(number);

        // 2. PostgreSQL stops; the code is confirmed: a clear message, not a stack trace or a 500.
        TestDatabase.stop();
        browser.fillIn("Verification code", code).press("Confirm");
        assertEquals(503, browser.status());
        assertEquals("60", browser.html().getWebResponse().getResponseHeaderValue("Retry-After"));
        assertTrue(browser.shows(OUTAGE_MESSAGE), browser.describe());
        assertFalse(browser.text().contains("Exception"), browser.describe());

        // 3. While it is down, every page that needs it says the same.
        browser.open("/profile.xhtml");
        assertEquals(503, browser.status());
        assertTrue(browser.shows(OUTAGE_MESSAGE), browser.describe());

        // 4. PostgreSQL is back: 2FA is off, no number stored, no second factor; sign-in needs no code.
        TestDatabase.start();
        assertEquals(new Stored(null, false), storedFor(email));
        browser.open("/profile.xhtml");
        assertEquals(200, browser.status());
        assertTrue(browser.shows("Two-factor authentication is off"), browser.describe());
        browser.press("Sign out");
        signIn(email, PASSWORD);
        assertEquals("/", browser.path());

        // 5. The retry: a new code, confirmed; on, with the number, all at once.
        askForEnrolmentCode(number);
        browser.fillIn("Verification code", verifyApi.lastCodeSentTo(number)).press("Confirm");
        assertTrue(browser.shows("Two-factor authentication is enabled."), browser.describe());
        assertEquals(new Stored(number, true), storedFor(email));
    }

    /** What the database holds of a user's second factor: the verified number, and whether 2FA is on. */
    private record Stored(String verifiedPhone, boolean secondFactor) {
    }

    private static Stored storedFor(String email) throws SQLException {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement query = connection.prepareStatement(
                     "select (select p.e164 from verified_phones p where p.user_id = u.id),"
                             + " exists (select 1 from second_factors f where f.user_id = u.id)"
                             + " from users u where u.email = ?")) {
            query.setString(1, email);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "no user " + email);
                return new Stored(row.getString(1), row.getBoolean(2));
            }
        }
    }
}

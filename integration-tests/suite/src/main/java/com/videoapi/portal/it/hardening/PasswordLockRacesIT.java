package com.videoapi.portal.it.hardening;

import com.videoapi.portal.it.support.Browser;
import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A burst of password guesses for one account, all released at once: the lock check and the count
 * of each attempt happen under the user's row lock before its password is hashed, so no more
 * passwords are checked than the lock's threshold, however many race.
 */
class PasswordLockRacesIT extends PortalTest {

    private static final int RACERS = 50;
    private static final int THRESHOLD = 10;
    private static final String REFUSED = "The email address or password is incorrect.";

    @BeforeEach
    void postgresqlOnly() {
        // The test counts the audit trail's rows, which only PostgreSQL lets the tests read.
        assumeFalse(TestDatabase.isH2(), "reads the audit trail from the database: PostgreSQL only");
    }

    @Test
    void fifty_wrong_passwords_at_once_get_ten_checks_and_then_the_right_one_is_refused() throws Exception {
        String email = uniqueEmail("burst");
        signUp("Burst", email);
        browser.press("Sign out");
        // 1. The attacker opens fifty sign-in forms, each in a session of its own, with a wrong password.
        List<HttpRequest> guesses = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            guesses.add(signInFormPost(email, "wrong guess number " + i));
        }
        // 2. All fifty are posted at once; each gets the same refusal.
        List<HttpResponse<String>> answers = releasedAtOnce(guesses);
        assertEquals(RACERS, answers.stream().filter(a -> a.body().contains(REFUSED)).count());
        // 3. Exactly ten passwords were checked; the other forty were refused by the lock, unchecked.
        assertEquals(THRESHOLD, auditEvents(email, "SIGN_IN_PASSWORD_FAILED", "wrong password"));
        assertEquals(RACERS - THRESHOLD, auditEvents(email, "SIGN_IN_PASSWORD_FAILED", "refused: password step locked"));
        assertEquals(1, auditEvents(email, "LOCKED", null));
        // 4. The right password, sent after the lock engaged, is refused too.
        signIn(email, PASSWORD);
        assertEquals("/signin.xhtml", browser.path());
        assertEquals(true, browser.shows(REFUSED), browser.describe());
    }

    /** The sign-in form of a new session, posting {@code email} and {@code password}. */
    private HttpRequest signInFormPost(String email, String password) {
        Browser mine = browser;
        browser = new Browser(baseUrl());
        try {
            browser.open("/signin.xhtml");
            return formPost("/signin.xhtml",
                    "signin", "signin", "signin:email", email, "signin:password", password, "signin:sign-in", "Sign in");
        } finally {
            browser.close();
            browser = mine;
        }
    }

    /** Audit events of the user with this e-mail address, of {@code kind} (and {@code detail}, unless null). */
    private static long auditEvents(String email, String kind, String detail) throws SQLException {
        try (Connection db = TestDatabase.connect();
             PreparedStatement count = db.prepareStatement("select count(*) from audit_events e join users u on u.id = e.user_id"
                     + " where u.email = ? and e.kind = ?" + (detail == null ? "" : " and e.detail = ?"))) {
            count.setString(1, email.toLowerCase());
            count.setString(2, kind);
            if (detail != null) {
                count.setString(3, detail);
            }
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}

package com.videoapi.portal.it.performance;

import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Security Settings is read in one transaction per request (issue 12, scenario 3): a GET of
 * {@code /profile.xhtml} commits at most {@value #TRANSACTIONS_PER_GET} database transactions, read
 * from PostgreSQL's own count for the database ({@code pg_stat_database}: {@code xact_commit} and
 * {@code xact_rollback}), less what the same interval counts with no request at all (the test's own
 * reads of the count). The three: the session's epoch ({@code Guards.sessionEpoch}, the sign-in
 * mechanism), the signed-in person ({@code Users.find}, {@code CurrentUser}), and everything the page
 * shows ({@code SecuritySettings.of}). Before, each display read was a transaction of its own: 18 for
 * the same person (2FA with a number, a trusted device, no passkey).
 */
class SecuritySettingsReadsIT extends PortalTest {

    /** Transactions one GET of Security Settings may commit. */
    private static final long TRANSACTIONS_PER_GET = 3;

    /**
     * A server process sends its counts to PostgreSQL's statistics when idle, at most once a second,
     * else within 10 s (PostgreSQL 15, {@code PGSTAT_IDLE_INTERVAL}): read after that.
     */
    private static final long STATISTICS_DELAY_MILLIS = 11_500;

    @BeforeEach
    void postgresqlOnly() {
        assumeFalse(TestDatabase.isH2(), "reads PostgreSQL's statistics of transactions: PostgreSQL only");
    }

    @Test
    void one_get_of_security_settings_reads_in_no_more_transactions_than_counted() throws Exception {
        // 1. A person with 2FA on a number, signed in on a device they trust, no passkey.
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("reads", number);
        browser.press("Sign out");
        waitOutResendCooldown();
        signInWithCode(email, number, true);
        assertEquals("/", browser.path(), browser.text());
        String device = browser.cookie(TRUSTED_DEVICE_COOKIE).getValue();
        // The page once, so that nothing read the first time only (a first view, a warm-up) is counted.
        HttpRequest get = HttpRequest.newBuilder(URI.create(baseUrl() + "profile.xhtml"))
                .header("Cookie", "JSESSIONID=" + browser.sessionId() + "; " + TRUSTED_DEVICE_COOKIE + "=" + device)
                .GET().build();
        assertShowsEverything(NO_REDIRECTS.send(get, HttpResponse.BodyHandlers.ofString()), number);

        // 2. What the interval counts without a request, then with one GET of the page alone (no scripts, no styles).
        long idle = transactionsDuring(() -> null);
        AtomicReference<HttpResponse<String>> page = new AtomicReference<>();
        long withGet = transactionsDuring(() -> page.getAndSet(NO_REDIRECTS.send(get, HttpResponse.BodyHandlers.ofString())));
        assertShowsEverything(page.get(), number);

        long perGet = withGet - idle;
        System.out.println("Transactions of one GET of Security Settings: " + perGet + " (" + withGet + " less " + idle + " idle)");
        assertTrue(perGet <= TRANSACTIONS_PER_GET, "one GET of Security Settings committed " + perGet
                + " transactions, at most " + TRANSACTIONS_PER_GET + " expected");
    }

    /** The page drawn whole: the switch, the number in the list of methods, this device, the events. */
    private static void assertShowsEverything(HttpResponse<String> page, String number) {
        assertEquals(200, page.statusCode(), page.body());
        String html = page.body();
        assertTrue(html.contains("Two-factor authentication is on: sign-ins need a code sent to " + masked(number)), html);
        assertTrue(html.contains("Text message to " + masked(number)), html);
        assertTrue(html.contains("Recovery codes: 10 left"), html);
        assertTrue(html.contains("(this device)"), html);
        assertTrue(html.contains("Recent security events"), html);
    }

    /** Transactions committed or rolled back in the database while {@code step} ran. */
    private static long transactionsDuring(Callable<?> step) throws Exception {
        Thread.sleep(STATISTICS_DELAY_MILLIS);
        long before = transactionsSoFar();
        step.call();
        Thread.sleep(STATISTICS_DELAY_MILLIS);
        return transactionsSoFar() - before;
    }

    private static long transactionsSoFar() throws SQLException {
        try (Connection db = TestDatabase.connect(); Statement query = db.createStatement()) {
            // A fresh read: within a transaction PostgreSQL would answer from the snapshot of its first read.
            query.execute("select pg_stat_clear_snapshot()");
            try (ResultSet counts = query.executeQuery("select xact_commit + xact_rollback from pg_stat_database"
                    + " where datname = current_database()")) {
                counts.next();
                return counts.getLong(1);
            }
        }
    }
}

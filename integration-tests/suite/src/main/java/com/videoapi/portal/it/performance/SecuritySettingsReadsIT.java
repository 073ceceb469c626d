package com.videoapi.portal.it.performance;

import com.videoapi.portal.it.support.DatabaseStatistics;
import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Security Settings is read in one transaction per request (issue 12, scenario 3): a GET of
 * {@code /profile.xhtml} commits 8 database transactions, 2 more than a GET of the account home, read
 * from PostgreSQL's own count for the database ({@code pg_stat_database}: {@code xact_commit} and
 * {@code xact_rollback}) over {@value #GETS} GETs, less what the same interval counts with no request. The home reads the
 * session's epoch ({@code Guards.sessionEpoch}) and, for a session signed in on a trusted device,
 * whether it is still trusted ({@code TrustedDevices.stillTrusted}: the sign-in mechanism, both), and
 * the signed-in person ({@code Users.find}, {@code CurrentUser}); Security Settings reads those and,
 * in one more, everything it shows ({@code SecuritySettings.of}). PostgreSQL counts each of the
 * server's transactions twice: the pool checks the connection it hands out with a statement of its own
 * ({@code validate-on-match}); so the home counts 6 and the page 8. Before, each display read was a
 * transaction of its own, several of them more than once a GET: 60 counted (BENCHMARKS.md,
 * "Transactions per Security Settings page").
 */
class SecuritySettingsReadsIT extends PortalTest {

    /**
     * Transactions one GET of Security Settings may commit, as PostgreSQL counts them: 8, and less than
     * half a transaction a GET for other sessions' (autovacuum's: at most about 10 an interval).
     */
    private static final double TRANSACTIONS_PER_GET = 8.5;

    /** Transactions it may commit beyond the account home's: its one read (with the pool's check of its connection). */
    private static final double READS_BEYOND_HOME = 2.5;

    /** GETs per count: PostgreSQL's count has other sessions' transactions too. */
    private static final int GETS = 40;

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
        assertEquals("/", browser.path(), browser.describe());
        String device = browser.cookie(TRUSTED_DEVICE_COOKIE).getValue();
        // The page once, so that nothing read the first time only (a first view, a warm-up) is counted.
        HttpRequest get = HttpRequest.newBuilder(URI.create(baseUrl() + "profile.xhtml"))
                .header("Cookie", "JSESSIONID=" + browser.sessionId() + "; " + TRUSTED_DEVICE_COOKIE + "=" + device)
                .GET().build();
        assertShowsEverything(NO_REDIRECTS.send(get, HttpResponse.BodyHandlers.ofString()), number);

        // 2. Many GETs of the account home (the session's epoch and the signed-in person only), then as many of
        //    the page alone (no scripts, no styles), then none: PostgreSQL counts the transactions of every
        //    session of the database (autovacuum's too), so the counts are per GET over many.
        HttpRequest home = HttpRequest.newBuilder(URI.create(baseUrl())).header("Cookie", get.headers().firstValue("Cookie").orElseThrow())
                .GET().build();
        long homeGets = transactionsDuring(() -> {
            for (int i = 0; i < GETS; i++) {
                assertEquals(200, NO_REDIRECTS.send(home, HttpResponse.BodyHandlers.ofString()).statusCode());
            }
            return null;
        });
        AtomicReference<HttpResponse<String>> page = new AtomicReference<>();
        long settingsGets = transactionsDuring(() -> {
            for (int i = 0; i < GETS; i++) {
                page.set(NO_REDIRECTS.send(get, HttpResponse.BodyHandlers.ofString()));
            }
            return null;
        });
        assertShowsEverything(page.get(), number);
        long idle = transactionsDuring(() -> null);

        double perGet = (settingsGets - idle) / (double) GETS;
        double beyondHome = (settingsGets - homeGets) / (double) GETS;
        System.out.printf("Transactions of one GET of Security Settings: %.2f, %.2f more than the account home's"
                + " (%d GETs each: %d, home %d, none %d)%n", perGet, beyondHome, GETS, settingsGets, homeGets, idle);
        assertTrue(perGet <= TRANSACTIONS_PER_GET, "one GET of Security Settings committed " + perGet
                + " transactions, at most " + TRANSACTIONS_PER_GET + " expected");
        assertTrue(beyondHome <= READS_BEYOND_HOME, "one GET of Security Settings committed " + beyondHome
                + " transactions more than one of the account home, at most " + READS_BEYOND_HOME + " expected");
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
        DatabaseStatistics.Change<Long> transactions = DatabaseStatistics.around(step::call,
                "select xact_commit + xact_rollback from pg_stat_database where datname = current_database()",
                counts -> {
                    counts.next();
                    return counts.getLong(1);
                });
        return transactions.after() - transactions.before();
    }
}

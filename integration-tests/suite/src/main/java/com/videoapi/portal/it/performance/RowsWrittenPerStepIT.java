package com.videoapi.portal.it.performance;

import com.videoapi.portal.it.support.Browser;
import com.videoapi.portal.it.support.DatabaseStatistics;
import com.videoapi.portal.it.support.PortalTest;
import com.videoapi.portal.it.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Each sign-in step writes the fewest rows it can (issue 12): the rows inserted, updated and deleted by
 * one step of a returning person, read from PostgreSQL's own per-table counts
 * ({@code pg_stat_user_tables}, every statement, bulk updates included), checked against the figures
 * of BENCHMARKS.md ("Rows written per step"), so that a new write on a hot path does not go unnoticed.
 */
class RowsWrittenPerStepIT extends PortalTest {

    /** Rows each step may write, as BENCHMARKS.md counts them. */
    private static final int PASSWORD_STEP_WITH_CODE = 10;
    private static final int CODE_STEP = 2;
    private static final int PASSWORD_ON_TRUSTED_DEVICE = 7;
    private static final int SECURITY_SETTINGS = 0;

    @BeforeEach
    void postgresqlOnly() {
        assumeFalse(TestDatabase.isH2(), "reads PostgreSQL's statistics of rows written: PostgreSQL only");
    }

    @Test
    void a_returning_person_s_sign_in_steps_write_no_more_rows_than_counted() throws Exception {
        String number = uniqueUkMobile();
        String email = personWithTwoFactor("rows", number);
        browser.press("Sign out");
        // A returning person: this source's attempts row, the guard row and the send scopes exist already.
        signInWithCode(email, number, true);
        assertEquals("/", browser.path(), browser.describe());
        browser.press("Sign out");
        waitOutResendCooldown();

        try (Browser elsewhere = new Browser(baseUrl())) {
            elsewhere.open("/signin.xhtml").fillIn("Email", email).fillIn("Password", PASSWORD);
            Map<String, Long> passwordStep = rowsWrittenBy(() -> elsewhere.press("Sign in"));
            assertEquals("/signin-code.xhtml", elsewhere.path(), elsewhere.text());
            elsewhere.fillIn("Verification code", verifyApi.lastCodeSentTo(number));
            Map<String, Long> codeStep = rowsWrittenBy(() -> elsewhere.press("Verify"));
            assertEquals("/", elsewhere.path(), elsewhere.text());
            Map<String, Long> trustedDevice = rowsWrittenBy(() -> signIn(email, PASSWORD));
            assertEquals("/", browser.path(), "signed in with the password alone: " + browser.text());
            Map<String, Long> settings = rowsWrittenBy(() -> browser.open("/profile.xhtml"));
            assertEquals("/profile.xhtml", browser.path());

            System.out.println("Rows written: password step " + passwordStep + "; code step " + codeStep
                    + "; password on a trusted device " + trustedDevice + "; Security Settings " + settings);
            assertAtMost(PASSWORD_STEP_WITH_CODE, passwordStep, "the password step that sends a code");
            assertAtMost(CODE_STEP, codeStep, "the code step");
            assertAtMost(PASSWORD_ON_TRUSTED_DEVICE, trustedDevice, "the password step on a trusted device");
            assertAtMost(SECURITY_SETTINGS, settings, "Security Settings, opened");
        }
    }

    private static void assertAtMost(int counted, Map<String, Long> written, String step) {
        long rows = written.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(rows <= counted, step + " wrote " + rows + " rows, BENCHMARKS.md counts " + counted + ": " + written);
    }

    /**
     * Rows inserted or updated while {@code step} ran, by table (tables without any left out). Deletes are
     * left out: a new bucket of a shared throttle drops that scope's buckets no window sums any more, a
     * number that depends on how long the scope was quiet, not on the step (at most one per bucket in
     * steady traffic); {@code Retention} deletes in the background too.
     */
    private static Map<String, Long> rowsWrittenBy(DatabaseStatistics.Step step) throws Exception {
        DatabaseStatistics.Change<Map<String, Long>> rows = DatabaseStatistics.around(step,
                "select relname, n_tup_ins + n_tup_upd from pg_stat_user_tables", tables -> {
                    Map<String, Long> byTable = new TreeMap<>();
                    while (tables.next()) {
                        byTable.put(tables.getString(1), tables.getLong(2));
                    }
                    return byTable;
                });
        Map<String, Long> before = rows.before();
        return rows.after().entrySet().stream()
                .filter(table -> table.getValue() > before.getOrDefault(table.getKey(), 0L))
                .collect(Collectors.toMap(Map.Entry::getKey, table -> table.getValue() - before.getOrDefault(table.getKey(), 0L),
                        (a, b) -> a, TreeMap::new));
    }
}

package com.videoapi.portal.it.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL's own statistics of the portal's database ({@code pg_stat_*}), read before and after a step
 * of a test: what the server's transactions committed, scanned or wrote while the step ran, as
 * PostgreSQL counted it. PostgreSQL only.
 */
public final class DatabaseStatistics {

    /**
     * A server process sends its counts to PostgreSQL's statistics when idle, at most once a second,
     * else within 10 s (PostgreSQL 15, {@code PGSTAT_IDLE_INTERVAL}): read after that.
     */
    private static final long DELAY_MILLIS = 11_500;

    private DatabaseStatistics() {
    }

    /** What a reading makes of the rows its query answered. */
    @FunctionalInterface
    public interface Reading<T> {
        T of(ResultSet rows) throws SQLException;
    }

    /** The step of a test whose statistics are read. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    /** A reading before a step and after it. */
    public record Change<T>(T before, T after) {
    }

    /** {@code query} read once the counts before {@code step} have arrived, and again once its own have. */
    public static <T> Change<T> around(Step step, String query, Reading<T> reading) throws Exception {
        Thread.sleep(DELAY_MILLIS);
        T before = read(query, reading);
        step.run();
        Thread.sleep(DELAY_MILLIS);
        return new Change<>(before, read(query, reading));
    }

    private static <T> T read(String query, Reading<T> reading) throws SQLException {
        try (Connection db = TestDatabase.connect(); Statement statement = db.createStatement()) {
            // A fresh read: within a transaction PostgreSQL would answer from the snapshot of its first read.
            statement.execute("select pg_stat_clear_snapshot()");
            try (ResultSet rows = statement.executeQuery(query)) {
                return reading.of(rows);
            }
        }
    }
}

package com.videoapi.portal.it.support;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * The database of the portal under test: H2 inside WildFly by default, or with {@code -Ppostgresql}
 * a PostgreSQL server of the tests' own (started by the build with
 * {@code integration-tests/scripts/test-postgresql.sh}), which a test may stop and start again to see
 * what people see during an outage, and look into.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** H2 runs inside the server's JVM: it cannot be stopped alone, nor reached from the tests. */
    public static boolean isH2() {
        return "h2".equals(System.getProperty("it.database", "h2"));
    }

    /** Stops PostgreSQL at once: open sessions are cut, as in a crash or a fail-over. */
    public static void stop() {
        control("stop");
    }

    /** Starts PostgreSQL again, with its data; does nothing if it runs. */
    public static void start() {
        control("start");
    }

    /** A connection of the test's own, as the portal's database user. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.postgresql.url"),
                System.getProperty("it.postgresql.user"), System.getProperty("it.postgresql.password"));
    }

    private static void control(String command) {
        try {
            Process process = new ProcessBuilder("bash", System.getProperty("it.postgresql.control"), command,
                    System.getProperty("it.postgresql.dir"))
                    .inheritIO()
                    .start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("PostgreSQL " + command + " took more than 90 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("PostgreSQL " + command + " failed with exit code " + process.exitValue());
            }
        } catch (IOException e) {
            throw new AssertionError("Could not run test-postgresql.sh " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted during PostgreSQL " + command, e);
        }
    }
}

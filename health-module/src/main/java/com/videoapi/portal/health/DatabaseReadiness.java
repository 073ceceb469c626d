package com.videoapi.portal.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Ready only while the database answers: {@code select 1} through the product's datasource within
 * {@code health.database.timeout} (default 2 s).
 *
 * <p>security-module hands it the datasource its persistence unit uses ({@code java:comp/DefaultDataSource})
 * and the server's managed executor ({@link #watch}): a bean in the EAR's {@code lib/} has no
 * {@code java:comp} of its own to look them up in. DOWN until then.
 *
 * <p>The query runs on the executor, so a probe gets its answer in time even when the pool or the
 * network would keep it waiting far longer; while a query of an earlier probe still hangs, no second
 * one is started and the check stays DOWN. The data says what failed (the exception's class and
 * SQLState), never its message, which may name hosts and users; the log gets the message once, when
 * the state changes.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    public static final String NAME = "database";

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.health");

    private volatile DataSource dataSource;
    private volatile ExecutorService executor;

    @Inject
    @ConfigProperty(name = "health.database.timeout")
    Duration timeout;

    private Future<?> running;
    private Boolean wasUp;

    /** Called once, when the application starts, with the product's datasource and the server's executor. */
    public void watch(DataSource dataSource, ExecutorService executor) {
        this.dataSource = dataSource;
        this.executor = executor;
    }

    @Override
    public synchronized HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        if (dataSource == null || executor == null) {
            return reported(response.down().withData("error", "no datasource handed over yet"), null);
        }
        if (running != null && !running.isDone()) {
            return reported(response.down().withData("error", "the query of an earlier check has not returned yet"), null);
        }
        try {
            running = executor.submit(this::selectOne);
            running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return reported(response.up(), null);
        } catch (TimeoutException e) {
            return reported(response.down().withData("error", "no answer within " + timeout), e);
        } catch (ExecutionException e) {
            return failed(response, e.getCause());
        } catch (RejectedExecutionException suspended) {
            // WildFly's executors take no task while the server is suspended; the database may be
            // fine all the same (the server's own suspend-state check says the rest).
            return checkedHere(response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return reported(response.down().withData("error", "interrupted"), e);
        }
    }

    private HealthCheckResponse checkedHere(HealthCheckResponseBuilder response) {
        try {
            selectOne();
            return reported(response.up(), null);
        } catch (SQLException | RuntimeException e) {
            return failed(response, e);
        }
    }

    /** The exception's class and SQLState only: its message may name hosts and users. */
    private HealthCheckResponse failed(HealthCheckResponseBuilder response, Throwable why) {
        response.down().withData("error", why.getClass().getName());
        if (why instanceof SQLException sql && sql.getSQLState() != null) {
            response.withData("sqlState", sql.getSQLState());
        }
        return reported(response, why);
    }

    private Void selectOne() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            statement.execute("select 1");
        }
        return null;
    }

    /** Logs the first answer and each change, not every probe. */
    private HealthCheckResponse reported(HealthCheckResponseBuilder builder, Throwable why) {
        HealthCheckResponse response = builder.build();
        boolean up = response.getStatus() == HealthCheckResponse.Status.UP;
        if (wasUp == null || wasUp != up) {
            if (up) {
                LOG.info("Readiness: the database answers");
            } else {
                LOG.warning(() -> "Readiness: the database does not answer: " + why);
            }
            wasUp = up;
        }
        return response;
    }
}

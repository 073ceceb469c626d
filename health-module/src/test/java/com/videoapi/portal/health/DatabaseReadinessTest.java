package com.videoapi.portal.health;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class DatabaseReadinessTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopThreads() {
        release.countDown();
        threads.shutdownNow();
    }

    /** A datasource whose {@code select 1} does what {@code answer} does. */
    private DatabaseReadiness over(SqlAction answer) {
        Statement statement = (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("execute")) {
                        answer.run();
                        return true;
                    }
                    return null;
                });
        Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> method.getName().equals("createStatement") ? statement : null);
        DataSource dataSource = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return connection;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        DatabaseReadiness readiness = new DatabaseReadiness();
        readiness.watch(dataSource, threads);
        readiness.timeout = Duration.ofMillis(300);
        return readiness;
    }

    interface SqlAction {
        void run() throws Exception;
    }

    private static Map<String, Object> data(HealthCheckResponse response) {
        return response.getData().orElse(Map.of());
    }

    @Test
    void before_it_has_a_datasource_it_is_not_ready() {
        HealthCheckResponse response = new DatabaseReadiness().call();

        assertEquals(Status.DOWN, response.getStatus());
        assertEquals("no datasource handed over yet", data(response).get("error"));
    }

    @Test
    void a_database_that_answers_is_ready() {
        HealthCheckResponse response = over(() -> { }).call();

        assertEquals(Status.UP, response.getStatus());
        assertEquals("database", response.getName());
    }

    @Test
    void a_refusal_is_not_ready_with_its_class_and_sql_state_but_not_its_message() {
        HealthCheckResponse response = over(() -> {
            throw new SQLException("FATAL: password authentication failed for user \"portal\" at db.internal", "28P01");
        }).call();

        assertEquals(Status.DOWN, response.getStatus());
        assertEquals("java.sql.SQLException", data(response).get("error"));
        assertEquals("28P01", data(response).get("sqlState"));
        assertFalse(data(response).toString().contains("portal"), data(response).toString());
    }

    @Test
    void while_the_executor_refuses_work_the_query_runs_on_the_probe_thread() {
        DatabaseReadiness readiness = over(() -> { });
        threads.shutdown(); // as WildFly's executors refuse tasks while the server is suspended

        assertEquals(Status.UP, readiness.call().getStatus());
    }

    @Test
    void a_database_that_hangs_is_not_ready_in_time_and_is_not_asked_again_meanwhile() {
        DatabaseReadiness readiness = over(() -> release.await(10, TimeUnit.SECONDS));

        long began = System.nanoTime();
        HealthCheckResponse first = readiness.call();
        HealthCheckResponse second = readiness.call();

        assertEquals(Status.DOWN, first.getStatus());
        assertEquals("no answer within PT0.3S", data(first).get("error"));
        assertEquals(Status.DOWN, second.getStatus());
        assertEquals("the query of an earlier check has not returned yet", data(second).get("error"));
        assertFalse(Duration.ofNanos(System.nanoTime() - began).compareTo(Duration.ofSeconds(2)) > 0, "answered in time");

        release.countDown();
        threads.shutdown();
    }
}

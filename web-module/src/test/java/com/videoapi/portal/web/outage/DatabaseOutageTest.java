package com.videoapi.portal.web.outage;

import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseOutageTest {

    /**
     * As WildFly reports a refused connection: the EJB container's exception, Hibernate's (a generic
     * one, since the pool's SQLException has no state), the pool's, and at the bottom the driver's.
     */
    @Test
    void a_refused_connection_deep_in_the_chain_is_an_outage() {
        SQLException driver = new SQLException("Connection to 127.0.0.1:5432 refused.", "08001");
        SQLException pool = new SQLException("IJ000453: Unable to get managed connection for java:jboss/datasources/PortalDS",
                new ResourceException("IJ000453: Unable to get managed connection for java:jboss/datasources/PortalDS",
                        new ResourceException("IJ031084: Unable to create connection", driver)));
        Throwable failure = new ServletException(new EJBTransactionRolledbackException("Unable to acquire JDBC Connection",
                new PersistenceException("Unable to acquire JDBC Connection", pool)));

        assertEquals(driver, DatabaseOutage.causeOf(failure).orElseThrow());
    }

    @Test
    void a_server_shutting_down_is_an_outage() {
        assertTrue(DatabaseOutage.causeOf(new SQLException("terminating connection due to administrator command", "57P01")).isPresent());
        assertTrue(DatabaseOutage.causeOf(new SQLException("the database system is starting up", "57P03")).isPresent());
    }

    @Test
    void connection_exception_types_are_outages_whatever_their_state() {
        assertTrue(DatabaseOutage.causeOf(new RuntimeException(new SQLTransientConnectionException("pool timed out"))).isPresent());
    }

    @Test
    void a_chained_next_exception_counts() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", "XX000", new int[0]);
        batch.setNextException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertTrue(DatabaseOutage.causeOf(new EJBException(batch)).isPresent());
    }

    @Test
    void other_database_failures_are_not_outages() {
        assertFalse(DatabaseOutage.causeOf(new EJBException(new PersistenceException(
                new SQLException("duplicate key value violates unique constraint", "23505")))).isPresent());
        assertFalse(DatabaseOutage.causeOf(new SQLException("canceling statement due to statement timeout", "57014")).isPresent());
        assertFalse(DatabaseOutage.causeOf(new SQLException("no state")).isPresent());
        assertFalse(DatabaseOutage.causeOf(new IllegalStateException("not a database at all")).isPresent());
    }

    @Test
    void a_cause_that_loops_back_ends_the_search() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertFalse(DatabaseOutage.causeOf(first).isPresent());
    }
}

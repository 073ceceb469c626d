package com.videoapi.portal.web.outage;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a database that cannot be reached (stopped, restarting, unreachable) from other failures, by
 * the {@link SQLException} somewhere in the chain of causes: the one the JDBC driver threw, under the
 * wrappers of the pool, JPA and the EJB container.
 *
 * <p>Recognised by SQL state, the standard's class 08 (connection exception) and PostgreSQL's 57P01-03
 * (the server is shutting down or starting: "operator intervention"), and by the JDBC connection
 * exception types. A constraint violation, a bad query or a timeout of a statement is no outage.
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** The driver's exception that shows the database out of reach, if that is what {@code failure} comes from. */
    static Optional<SQLException> causeOf(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        next.add(failure);
        while (!next.isEmpty()) {
            Throwable cause = next.removeFirst();
            if (!seen.add(cause)) {
                continue;
            }
            if (cause instanceof SQLException sql) {
                if (isOutage(sql)) {
                    return Optional.of(sql);
                }
                if (sql.getNextException() != null) {
                    next.add(sql.getNextException());
                }
            }
            if (cause.getCause() != null) {
                next.add(cause.getCause());
            }
        }
        return Optional.empty();
    }

    private static boolean isOutage(SQLException sql) {
        if (sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException) {
            return true;
        }
        String state = sql.getSQLState();
        return state != null && (state.startsWith("08")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }
}

package com.videoapi.portal.security.monitoring;

import com.videoapi.portal.health.DatabaseReadiness;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;

/**
 * Hands health-module's {@link DatabaseReadiness} the datasource that the persistence units use and
 * the server's managed executor to query it on: looked up here, in a module with a {@code java:comp}
 * of its own, since a bean of the EAR's {@code lib/} has none.
 */
@ApplicationScoped
public class DatabaseHealth {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @Readiness
    DatabaseReadiness readiness;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        readiness.watch(dataSource, executor);
    }
}

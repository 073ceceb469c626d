package com.videoapi.portal.platform.schema;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Migrates the tables of one module with Flyway: the scripts under {@code db/migration/<module>},
 * the history in {@code <module>_schema_history}.
 *
 * <p>Each module keeps its own history so that modules migrate independently on one database. A
 * module that arrives on a database where another module's tables exist already starts from an
 * empty baseline (version 0), so all its scripts run.
 */
public final class ModuleSchema {

    private ModuleSchema() {
    }

    /**
     * One module at a time in this JVM: the modules' start-up beans run in parallel, and H2 times out
     * on its catalogue lock ("Timeout trying to lock table SYS") when two migrations change the schema
     * at once. Across nodes, Flyway's own database lock takes over.
     *
     * @param classLoader one that sees the module's {@code db/migration/<module>} resources
     */
    public static synchronized MigrateResult migrate(DataSource dataSource, String module, ClassLoader classLoader, Logger log) {
        MigrateResult result = Flyway.configure(classLoader)
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + module)
                .table(module + "_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        // Flyway leaves the target version empty when nothing was migrated (a database kept between starts).
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        log.info(() -> "Schema of " + module + " at version " + version
                + " (" + result.migrationsExecuted + " migration(s) applied now)");
        return result;
    }
}

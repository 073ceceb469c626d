package com.videoapi.portal.account.schema;

import com.videoapi.portal.platform.schema.ModuleSchema;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Brings this module's tables up to date when the application starts, before any request is served.
 * Bean-managed transactions: Flyway commits each migration itself, which a surrounding JTA
 * transaction would forbid.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class AccountSchemaMigration {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        ModuleSchema.migrate(dataSource, "account", AccountSchemaMigration.class.getClassLoader(),
                Logger.getLogger("com.videoapi.portal.account"));
    }
}

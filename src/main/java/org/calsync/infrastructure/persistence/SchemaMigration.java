package org.calsync.infrastructure.persistence;

import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import javax.sql.DataSource;

import org.calsync.domain.shared.StartupFailure;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with Flyway before anything uses JPA. Bean-managed transactions, because
 * Flyway commits on its own connection and must not run inside a container transaction.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/calsync")
    private DataSource dataSource;

    @PostConstruct
    void migrateOrStop() {
        StartupFailure.guard("migrating the database schema", this::migrate);
    }

    private void migrate() {
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
        MigrateResult result = flyway.migrate();
        MigrationInfo current = flyway.info().current();
        LOG.info(() -> "Database schema is at version " + (current == null ? "none" : current.getVersion()) + " ("
                + result.migrationsExecuted + " migrations applied now, database " + result.database + ")");
    }
}

package org.calsync.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Named;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Empty databases with the real schema from the migrations, for tests that several instances share one database:
 * an in-memory H2 always, and PostgreSQL in a schema of the test's own when {@code CALSYNC_TEST_PG_URL} is set.
 */
public final class MigratedDatabases {

    private MigratedDatabases() {
    }

    public static Stream<Named<DataSource>> h2AndPostgres(String pgSchema) throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + pgSchema + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        migrate(h2, null);
        String pgUrl = System.getenv("CALSYNC_TEST_PG_URL");
        if (pgUrl == null || pgUrl.isBlank()) {
            return Stream.of(Named.of("H2", h2));
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl(pgUrl);
        pg.setUser(System.getenv().getOrDefault("CALSYNC_TEST_PG_USER", "postgres"));
        try (Connection connection = pg.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + pgSchema + " CASCADE");
            sql.execute("CREATE SCHEMA " + pgSchema);
        }
        pg.setCurrentSchema(pgSchema);
        migrate(pg, pgSchema);
        return Stream.of(Named.of("H2", h2), Named.of("PostgreSQL", pg));
    }

    private static void migrate(DataSource database, String schema) {
        var config = Flyway.configure().dataSource(database).locations("classpath:db/migration");
        (schema == null ? config : config.schemas(schema)).load().migrate();
    }
}

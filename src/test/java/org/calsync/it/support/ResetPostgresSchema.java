package org.calsync.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Drops and recreates the schema the PostgreSQL integration run uses, so every run starts from an empty
 * database and Flyway applies every migration. Run by the postgresql-it profile before the tests:
 * args are the JDBC URL (CALSYNC_TEST_PG_URL), the schema name, the user and the password.
 */
public final class ResetPostgresSchema {

    private ResetPostgresSchema() {
    }

    public static void main(String[] args) throws SQLException {
        String url = args[0];
        String schema = args[1];
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Unsafe schema name: " + schema);
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", args[2]);
        credentials.setProperty("password", args.length > 3 && args[3] != null ? args[3] : "");
        try (Connection connection = DriverManager.getConnection(url, credentials);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        }
        System.out.println("PostgreSQL test schema " + schema + " is empty and ready at " + url);
    }

}

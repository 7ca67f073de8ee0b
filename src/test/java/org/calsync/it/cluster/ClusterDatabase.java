package org.calsync.it.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.calsync.it.support.ResetPostgresSchema;

/** The PostgreSQL schema a cluster test's instances share, emptied before and read after, as IT would read it. */
final class ClusterDatabase {

    private final String schema;
    /** Opened at the first count, kept until the test JVM ends. */
    private Connection connection;

    ClusterDatabase(String schema) {
        this.schema = schema;
    }

    String schema() {
        return schema;
    }

    void empty() throws SQLException {
        ResetPostgresSchema.reset(System.getProperty("calsync.test.pg.url"), schema,
                System.getProperty("calsync.test.pg.user"), System.getProperty("calsync.test.pg.password"));
    }

    /**
     * A count, with table names in FROM and JOIN read in this schema. Every count goes through one connection: the
     * randomised runs poll the outbox from eight threads while both integration JVMs' instances hold their pools, and a
     * connection each time took PostgreSQL past its 100 clients ("sorry, too many clients already").
     */
    synchronized long count(String query, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection().prepareStatement(
                query.replace("FROM ", "FROM " + schema + ".").replace("JOIN ", "JOIN " + schema + "."))) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || !connection.isValid(2)) {
            connection = DriverManager.getConnection(System.getProperty("calsync.test.pg.url"),
                    System.getProperty("calsync.test.pg.user"), System.getProperty("calsync.test.pg.password"));
        }
        return connection;
    }
}

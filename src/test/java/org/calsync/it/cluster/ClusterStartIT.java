package org.calsync.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.support.ResetPostgresSchema;
import org.junit.jupiter.api.Test;

/**
 * Instances started together on an empty PostgreSQL database all come up, with one tenant and one first
 * administrator: migrations, demo data and the production bootstrap are safe to race. Runs with the
 * PostgreSQL integration run, in a schema of its own.
 */
class ClusterStartIT {

    private static final String SCHEMA = "calsync_cluster";
    private static final Duration BOOT = Duration.ofMinutes(4);

    @Test
    void threeInstancesStartedAtOnceOnAnEmptyDatabaseWithDemoDataAllComeUp() throws Exception {
        assumeTrue(CalSyncDeployment.onPostgres(), "the cluster needs the PostgreSQL run");
        emptySchema();
        try (CalSyncCluster cluster = CalSyncCluster.start(3, SCHEMA, Map.of("CALSYNC_DEMO_DATA", "true"))) {
            allReady(cluster);
            assertEquals(1, count("SELECT COUNT(*) FROM tenant WHERE name = ?", "Northwind Training"));
            assertEquals(1, count("SELECT COUNT(*) FROM person WHERE email = ?", "admin@northwind.example"));
            for (CalSyncCluster.Instance instance : cluster.instances()) {
                Api api = new Api(instance.base().toURL(), "csk_demo_northwind_0000000000000001");
                assertEquals(200, api.get("people").status(), instance + " answers the API");
            }
        }
    }

    @Test
    void twoInstancesStartedAtOnceOnAnEmptyDatabaseCreateOneFirstAdministrator() throws Exception {
        assumeTrue(CalSyncDeployment.onPostgres(), "the cluster needs the PostgreSQL run");
        emptySchema();
        try (CalSyncCluster cluster = CalSyncCluster.start(2, SCHEMA, Map.of("CALSYNC_DEMO_DATA", "false",
                "CALSYNC_BOOTSTRAP_TENANT_NAME", "Cluster Training",
                "CALSYNC_BOOTSTRAP_ADMIN_EMAIL", "it@cluster.example",
                "CALSYNC_BOOTSTRAP_ADMIN_PASSWORD", "cluster-first-admin"))) {
            allReady(cluster);
            assertEquals(1, count("SELECT COUNT(*) FROM tenant WHERE name = ?", "Cluster Training"));
            assertEquals(1, count("SELECT COUNT(*) FROM person WHERE email = ?", "it@cluster.example"));
            assertEquals(1, count("SELECT COUNT(*) FROM tenant"), "and no other tenant");
        }
    }

    private static void allReady(CalSyncCluster cluster) throws InterruptedException {
        List<CalSyncCluster.Instance> notReady = cluster.awaitReady(BOOT);
        assertTrue(notReady.isEmpty(), () -> notReady.stream().map(instance -> instance + " is not ready:\n"
                + instance.logTail()).collect(Collectors.joining("\n\n")));
        System.out.println("Started at once on an empty database, ready after: " + cluster.instances().stream()
                .map(instance -> instance + " " + instance.readyAfter().toMillis() + " ms").toList());
    }

    private static void emptySchema() throws SQLException {
        ResetPostgresSchema.main(new String[] { System.getProperty("calsync.test.pg.url"), SCHEMA,
                System.getProperty("calsync.test.pg.user"), System.getProperty("calsync.test.pg.password") });
    }

    /** A count in the cluster's schema. */
    private static long count(String query, String... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(System.getProperty("calsync.test.pg.url"),
                System.getProperty("calsync.test.pg.user"), System.getProperty("calsync.test.pg.password"));
                PreparedStatement statement = connection.prepareStatement(query.replace("FROM ", "FROM " + SCHEMA + "."))) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}

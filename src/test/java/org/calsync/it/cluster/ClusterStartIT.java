package org.calsync.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.calsync.domain.shared.StartupFailure;
import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.junit.jupiter.api.Test;

/**
 * Instances started together on an empty PostgreSQL database all come up, with one tenant and one first
 * administrator: migrations, demo data and the production bootstrap are safe to race. Runs with the
 * PostgreSQL integration run, in a schema of its own.
 */
class ClusterStartIT {

    private static final ClusterDatabase DATABASE = new ClusterDatabase("calsync_cluster");
    private static final Duration BOOT = Duration.ofMinutes(4);

    @Test
    void threeInstancesStartedAtOnceOnAnEmptyDatabaseWithDemoDataAllComeUp() throws Exception {
        assumeTrue(CalSyncDeployment.onPostgres(), "the cluster needs the PostgreSQL run");
        DATABASE.empty();
        try (CalSyncCluster cluster = CalSyncCluster.start(3, DATABASE.schema(), Map.of("CALSYNC_DEMO_DATA", "true"))) {
            allReady(cluster);
            assertEquals(1, DATABASE.count("SELECT COUNT(*) FROM tenant WHERE name = ?", "Northwind Training"));
            assertEquals(1, DATABASE.count("SELECT COUNT(*) FROM person WHERE email = ?", "admin@northwind.example"));
            assertEquals(3, DATABASE.count("SELECT COUNT(*) FROM cluster_member"), "each instance joined the cluster");
            for (CalSyncCluster.Instance instance : cluster.instances()) {
                Api api = new Api(instance.base().toURL(), "csk_demo_northwind_0000000000000001");
                assertEquals(200, api.get("people").status(), instance + " answers the API");
            }
        }
    }

    @Test
    void twoInstancesStartedAtOnceOnAnEmptyDatabaseCreateOneFirstAdministratorAndAnotherKeyIsRefused() throws Exception {
        assumeTrue(CalSyncDeployment.onPostgres(), "the cluster needs the PostgreSQL run");
        DATABASE.empty();
        try (CalSyncCluster cluster = CalSyncCluster.start(2, DATABASE.schema(), Map.of("CALSYNC_DEMO_DATA", "false",
                "CALSYNC_BOOTSTRAP_TENANT_NAME", "Cluster Training",
                "CALSYNC_BOOTSTRAP_ADMIN_EMAIL", "it@cluster.example",
                "CALSYNC_BOOTSTRAP_ADMIN_PASSWORD", "cluster-first-admin"))) {
            allReady(cluster);
            assertEquals(1, DATABASE.count("SELECT COUNT(*) FROM tenant WHERE name = ?", "Cluster Training"));
            assertEquals(1, DATABASE.count("SELECT COUNT(*) FROM person WHERE email = ?", "it@cluster.example"));
            assertEquals(1, DATABASE.count("SELECT COUNT(*) FROM tenant"), "and no other tenant");

            // A third instance, started with another secrets key than the one the others wrote with, refuses to start.
            try (CalSyncCluster stranger = CalSyncCluster.start(1, DATABASE.schema(), Map.of("CALSYNC_DEMO_DATA", "false",
                    "CALSYNC_CRYPTO_KEY", "b3RoZXIta2V5LW9mLWEtc3RyYW5nZXItMzItYnl0ZXM="))) {
                CalSyncCluster.Instance instance = stranger.instances().get(0);
                assertEquals(Optional.of(StartupFailure.EXIT_STATUS), instance.exitStatus(BOOT),
                        () -> "it ends with status 3:\n" + instance.logTail());
                assertTrue(instance.log().contains("not the one this database's passwords and tokens were encrypted with"),
                        instance::logTail);
            }
        }
    }

    private static void allReady(CalSyncCluster cluster) throws InterruptedException {
        List<CalSyncCluster.Instance> notReady = cluster.awaitReady(BOOT);
        assertTrue(notReady.isEmpty(), () -> notReady.stream().map(instance -> instance + " is not ready:\n"
                + instance.logTail()).collect(Collectors.joining("\n\n")));
        System.out.println("Started at once on an empty database, ready after: " + cluster.instances().stream()
                .map(instance -> instance + " " + instance.readyAfter().toMillis() + " ms").toList());
    }
}

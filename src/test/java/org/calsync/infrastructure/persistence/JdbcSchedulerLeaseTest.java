package org.calsync.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two application instances share one database; each runs the hourly timer, and only the one that takes the
 * lease may start the pull. Checked on H2 and, when {@code CALSYNC_TEST_PG_URL} is set, on PostgreSQL, with
 * the real schema from the migrations.
 */
class JdbcSchedulerLeaseTest {

    private static final String PULL = "calendar-pull";
    private static final Duration HOLD = Duration.ofMinutes(50);
    private static final String PG_SCHEMA = "calsync_lease_test";

    static Stream<Named<DataSource>> databases() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:lease-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        migrate(h2, null);
        String pgUrl = System.getenv("CALSYNC_TEST_PG_URL");
        if (pgUrl == null || pgUrl.isBlank()) {
            return Stream.of(Named.of("H2", h2));
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setUrl(pgUrl);
        pg.setUser(System.getenv().getOrDefault("CALSYNC_TEST_PG_USER", "postgres"));
        try (Connection connection = pg.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + PG_SCHEMA + " CASCADE");
            sql.execute("CREATE SCHEMA " + PG_SCHEMA);
        }
        pg.setCurrentSchema(PG_SCHEMA);
        migrate(pg, PG_SCHEMA);
        return Stream.of(Named.of("H2", h2), Named.of("PostgreSQL", pg));
    }

    private static void migrate(DataSource database, String schema) {
        var config = Flyway.configure().dataSource(database).locations("classpath:db/migration");
        (schema == null ? config : config.schemas(schema)).load().migrate();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void whenBothInstancesFireAtOnceTheHourlyPullStartsOnce(DataSource database) throws Exception {
        JdbcSchedulerLease nodeA = new JdbcSchedulerLease(database);
        JdbcSchedulerLease nodeB = new JdbcSchedulerLease(database);
        ExecutorService timers = Executors.newFixedThreadPool(2);
        try {
            for (int hour = 0; hour < 40; hour++) {
                expireLease(database); // the previous hour's lease has run out
                AtomicInteger pullsStarted = new AtomicInteger();
                CyclicBarrier topOfTheHour = new CyclicBarrier(2);
                List<Future<?>> fired = new ArrayList<>();
                for (var node : List.of(new Object[] {nodeA, "node-a"}, new Object[] {nodeB, "node-b"})) {
                    fired.add(timers.submit(() -> {
                        topOfTheHour.await(10, TimeUnit.SECONDS);
                        if (((JdbcSchedulerLease) node[0]).tryAcquire(PULL, (String) node[1], HOLD)) {
                            pullsStarted.incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> timer : fired) {
                    timer.get(30, TimeUnit.SECONDS);
                }
                assertEquals(1, pullsStarted.get(), "hour " + hour + ": exactly one instance starts the pull");
            }
        } finally {
            timers.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theHolderKeepsTheLeaseUntilItRunsOutThenAnotherInstanceTakesOver(DataSource database) throws SQLException {
        JdbcSchedulerLease nodeA = new JdbcSchedulerLease(database);
        JdbcSchedulerLease nodeB = new JdbcSchedulerLease(database);
        expireLease(database);

        assertTrue(nodeA.tryAcquire(PULL, "node-a", HOLD), "a free lease is taken");
        assertFalse(nodeB.tryAcquire(PULL, "node-b", HOLD), "a held lease is not");
        assertTrue(nodeA.tryAcquire(PULL, "node-a", HOLD), "the holder renews its own lease");

        expireLease(database); // node A crashed and its lease ran out
        assertTrue(nodeB.tryAcquire(PULL, "node-b", HOLD), "another instance takes over");
        assertFalse(nodeA.tryAcquire(PULL, "node-a", HOLD), "the old holder must wait its turn");
    }

    private static void expireLease(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            assertEquals(1, sql.executeUpdate("UPDATE scheduler_lease SET expires_at = TIMESTAMP WITH TIME ZONE "
                    + "'2001-01-01 00:00:00+00:00' WHERE name = '" + PULL + "'"));
        }
    }
}

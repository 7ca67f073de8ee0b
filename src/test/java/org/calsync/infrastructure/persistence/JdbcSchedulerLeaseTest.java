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

import org.calsync.testsupport.MigratedDatabases;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
        return MigratedDatabases.h2AndPostgres(PG_SCHEMA);
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

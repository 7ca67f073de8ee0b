package org.calsync.infrastructure.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
 * Two instances on one database, each with its own membership and owner lock as Payara would inject them: work on
 * one person's calendars never overlaps, whichever instance runs it; an instance that stops beating is taken over
 * once, and its leases with it. On H2 and, when {@code CALSYNC_TEST_PG_URL} is set, on PostgreSQL.
 */
class CalendarOwnerLockTest {

    private static final String PERSON = "p-1";
    private static final String OTHER_PERSON = "p-2";

    static Stream<Named<DataSource>> databases() throws SQLException {
        return MigratedDatabases.h2AndPostgres("calsync_owner_lock_test");
    }

    /** One instance: its membership and its lock, wired as CDI wires them. */
    private record Instance(DatabaseClusterMembership membership, JdbcCalendarOwnerLock lock) {
        static Instance on(DataSource database, String name) {
            DatabaseClusterMembership membership = new DatabaseClusterMembership(database, name);
            JdbcCalendarOwnerLock lock = new JdbcCalendarOwnerLock(database, membership);
            membership.renewing(lock);
            membership.heartbeat();
            return new Instance(membership, lock);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void workOnOnePersonsCalendarsNeverOverlapsAcrossInstances(DataSource database) throws Exception {
        people(database);
        List<Instance> instances = List.of(Instance.on(database, "a"), Instance.on(database, "b"));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Instance instance = instances.get(i % 2);
                all.add(workers.submit(() -> instance.lock().exclusively(PERSON, () -> {
                    mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    pause(3);
                    inside.decrementAndGet();
                    return done.incrementAndGet();
                })));
            }
            for (Future<?> work : all) {
                work.get(60, TimeUnit.SECONDS);
            }
        } finally {
            workers.shutdownNow();
        }
        assertEquals(40, done.get(), "every piece of work ran");
        assertEquals(1, mostAtOnce.get(), "never two at once on one person's calendars");
        assertEquals(0, held(database), "every lease given back");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anotherPersonsWorkDoesNotWait(DataSource database) throws Exception {
        people(database);
        Instance a = Instance.on(database, "a");
        Instance b = Instance.on(database, "b");
        try (Holding first = Holding.start(a, PERSON)) {
            assertEquals("done", b.lock().exclusively(OTHER_PERSON, () -> "done"), "while the first person is held");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void workThatHoldsThePersonRunsNestedWorkForThemAtOnce(DataSource database) throws Exception {
        people(database);
        Instance a = Instance.on(database, "a");
        String nested = a.lock().exclusively(PERSON, () -> a.lock().exclusively(PERSON, () -> "read before writing"));
        assertEquals("read before writing", nested);
        assertEquals(0, held(database), "given back at the end");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aPersonWithNoRowYetIsLockedAsWellWhenTwoInstancesAskAtOnce(DataSource database) throws Exception {
        people(database);
        Instance a = Instance.on(database, "a");
        Instance b = Instance.on(database, "b");
        try (Holding first = Holding.start(a, OTHER_PERSON)) {
            Instant asked = Instant.now();
            new Thread(() -> {
                pause(300);
                first.release();
            }).start();
            b.lock().exclusively(OTHER_PERSON, () -> null);
            assertTrue(Duration.between(asked, Instant.now()).toMillis() >= 250, "b waited for a to finish");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSilentInstanceIsTakenOverOnceAndItsLeasesAreFreedAtOnce(DataSource database) throws Exception {
        people(database);
        Instance a = Instance.on(database, "a");
        Instance b = Instance.on(database, "b");
        Instance c = Instance.on(database, "c");
        String departed = a.membership().self();
        // a takes the person and then goes silent, as after kill -9, without giving anything back.
        try (Holding silent = Holding.start(a, PERSON)) {
            assertEquals(3, b.membership().alive());
            assertEquals(List.of(), b.membership().takeOverDeparted(), "nobody is taken over while all beat");
            silence(database, departed);

            List<String> byB = b.membership().takeOverDeparted();
            List<String> byC = c.membership().takeOverDeparted();
            assertEquals(List.of(departed), Stream.concat(byB.stream(), byC.stream()).toList(),
                    "exactly one survivor takes the silent instance over");
            assertEquals(2, b.membership().alive());

            Instant asked = Instant.now();
            b.lock().exclusively(PERSON, () -> null);
            assertTrue(Duration.between(asked, Instant.now()).toSeconds() < 5, "its lease was freed with it");

            a.membership().heartbeat();
            assertNotEquals(departed, a.membership().self(), "given up for dead, it comes back as a new instance");
            assertEquals(3, b.membership().alive());
        }
    }

    /** Work on a person's calendars that an instance keeps going, on a thread of its own, until released or closed. */
    private static final class Holding implements AutoCloseable {
        private final CountDownLatch release = new CountDownLatch(1);
        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private Future<?> work;

        static Holding start(Instance instance, String personId) throws InterruptedException {
            Holding holding = new Holding();
            CountDownLatch inside = new CountDownLatch(1);
            holding.work = holding.thread.submit(() -> instance.lock().exclusively(personId, () -> {
                inside.countDown();
                await(holding.release);
                return null;
            }));
            assertTrue(inside.await(10, TimeUnit.SECONDS), "the work got the person");
            return holding;
        }

        void release() {
            release.countDown();
        }

        @Override
        public void close() throws Exception {
            release();
            try {
                work.get(10, TimeUnit.SECONDS);
            } finally {
                thread.shutdownNow();
            }
        }
    }

    private static void people(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO tenant (id, name, integration_enabled, sync_direction, default_privacy_mode, "
                    + "pull_window_months, omit_learner_details, cancellation_deadline_hours, created_at, version) "
                    + "VALUES ('t-1', 'Northwind " + System.nanoTime() + "', TRUE, 'TWO_WAY', 'BUSY_ONLY', 12, FALSE, 24, "
                    + "CURRENT_TIMESTAMP, 0)");
            for (String person : List.of(PERSON, OTHER_PERSON)) {
                sql.executeUpdate("INSERT INTO person (id, tenant_id, email, display_name, time_zone, work_start, work_end,"
                        + " created_at, version) VALUES ('" + person + "', 't-1', '" + person + "@example.org', '" + person
                        + "', 'Europe/London', TIME '09:00:00', TIME '17:00:00', CURRENT_TIMESTAMP, 0)");
            }
        }
    }

    /** The instance's last heartbeat is a minute old. */
    private static void silence(DataSource database, String instance) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement old = connection.prepareStatement(
                "UPDATE cluster_member SET heartbeat_at = CURRENT_TIMESTAMP - INTERVAL '60' SECOND WHERE id = ?")) {
            old.setString(1, instance);
            assertEquals(1, old.executeUpdate());
        }
    }

    private static int held(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             var rows = sql.executeQuery("SELECT COUNT(*) FROM calendar_owner_lock WHERE holder IS NOT NULL")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

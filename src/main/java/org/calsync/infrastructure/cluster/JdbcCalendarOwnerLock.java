package org.calsync.infrastructure.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import javax.sql.DataSource;

import org.calsync.domain.model.calendar.CalendarOwnerLock;
import org.calsync.domain.model.sync.ClusterMembership;

/**
 * The person's row in {@code calendar_owner_lock} is taken with one conditional UPDATE, like the scheduler lease,
 * and given back when the work ends. No connection is held while the work runs, so a slow calendar server never
 * ties one up; the heartbeat renews the lease, and an instance that dies loses it within seconds.
 * <p>
 * Chosen over Hazelcast's locks because the database already decides every other race in CalSync (versions,
 * unique keys, the scheduler lease), it is the one thing every instance must reach anyway, and it behaves the
 * same on the embedded H2 and in a cluster on PostgreSQL, with no split-brain to reason about.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class JdbcCalendarOwnerLock implements CalendarOwnerLock {

    private static final Logger LOG = Logger.getLogger(JdbcCalendarOwnerLock.class.getName());

    /** A push to a slow server may hold a person's lease this long before a waiting pull gives up and retries later. */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(2);

    private static final ThreadLocal<Set<String>> HELD = ThreadLocal.withInitial(HashSet::new);

    /** The leases this instance holds now, which its heartbeat renews; a lease not given back is then let run out. */
    private final Set<String> holding = ConcurrentHashMap.newKeySet();

    @Resource(lookup = "jdbc/calsync")
    private DataSource dataSource;

    @Inject
    private ClusterMembership membership;

    protected JdbcCalendarOwnerLock() {
        // for CDI
    }

    /** Outside a container, for instance as one of several instances in a test. */
    JdbcCalendarOwnerLock(DataSource dataSource, ClusterMembership membership) {
        this.dataSource = dataSource;
        this.membership = membership;
    }

    @Override
    public <T> T exclusively(String personId, Supplier<T> work) {
        Set<String> held = HELD.get();
        if (held.contains(personId)) {
            return work.get();
        }
        String holder = UUID.randomUUID().toString();
        take(personId, holder);
        holding.add(holder);
        held.add(personId);
        try {
            return work.get();
        } finally {
            held.remove(personId);
            holding.remove(holder);
            release(personId, holder);
        }
    }

    private void take(String personId, String holder) {
        Instant giveUp = Instant.now().plus(LONGEST_WAIT);
        long pause = 20;
        try {
            while (!tryTake(personId, holder)) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new CalendarOwnerBusyException(personId, null);
                }
                Thread.sleep(pause);
                pause = Math.min(pause * 2, 100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CalendarOwnerBusyException(personId, e);
        }
    }

    private boolean tryTake(String personId, String holder) {
        try (Connection connection = dataSource.getConnection()) {
            if (takeRow(connection, personId, holder) == 1) {
                return true;
            }
            // The person's first lease: make the row, then take it like any other (another instance may win it).
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO calendar_owner_lock (person_id) "
                    + "SELECT ? FROM person WHERE id = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM calendar_owner_lock WHERE person_id = ?)")) {
                insert.setString(1, personId);
                insert.setString(2, personId);
                insert.setString(3, personId);
                if (insert.executeUpdate() == 0 && !exists(connection, personId)) {
                    return true; // no such person: there is nothing of theirs to keep apart
                }
            } catch (SQLException raced) {
                if (raced.getSQLState() == null || !raced.getSQLState().startsWith("23")) {
                    throw raced;
                }
            }
            return takeRow(connection, personId, holder) == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("The calendar lease of person " + personId + " could not be taken", e);
        }
    }

    private int takeRow(Connection connection, String personId, String holder) throws SQLException {
        try (PreparedStatement take = connection.prepareStatement("UPDATE calendar_owner_lock SET holder = ?, member_id = ?,"
                + " expires_at = CURRENT_TIMESTAMP + " + DatabaseClusterMembership.seconds(DatabaseClusterMembership.OWNER_LEASE)
                + " WHERE person_id = ? AND (holder IS NULL OR expires_at < CURRENT_TIMESTAMP)")) {
            take.setString(1, holder);
            take.setString(2, membership.self());
            take.setString(3, personId);
            return take.executeUpdate();
        }
    }

    private static boolean exists(Connection connection, String personId) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement("SELECT 1 FROM calendar_owner_lock WHERE person_id = ?")) {
            find.setString(1, personId);
            return find.executeQuery().next();
        }
    }

    private void release(String personId, String holder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement free = connection.prepareStatement("UPDATE calendar_owner_lock SET holder = NULL, "
                     + "member_id = NULL, expires_at = NULL WHERE person_id = ? AND holder = ?")) {
            free.setString(1, personId);
            free.setString(2, holder);
            free.executeUpdate();
        } catch (SQLException e) {
            // No longer renewed, the lease runs out by itself: the next taker waits at most one lease.
            LOG.log(Level.WARNING, "The calendar lease of person " + personId + " could not be given back", e);
        }
    }

    /** Keeps the leases in use alive for another lease period; called with every heartbeat. */
    public void renew(Connection connection) throws SQLException {
        List<String> current = List.copyOf(holding);
        if (current.isEmpty()) {
            return;
        }
        String marks = String.join(", ", Collections.nCopies(current.size(), "?"));
        try (PreparedStatement renew = connection.prepareStatement("UPDATE calendar_owner_lock SET expires_at = "
                + "CURRENT_TIMESTAMP + " + DatabaseClusterMembership.seconds(DatabaseClusterMembership.OWNER_LEASE)
                + " WHERE holder IN (" + marks + ")")) {
            for (int i = 0; i < current.size(); i++) {
                renew.setString(i + 1, current.get(i));
            }
            renew.executeUpdate();
        }
    }
}

package org.calsync.infrastructure.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import javax.sql.DataSource;

import org.calsync.domain.model.sync.ChangeStreamLeases;
import org.calsync.domain.model.sync.ClusterMembership;

/**
 * Leases in {@code change_stream_lease}, taken with one conditional UPDATE each and timed in the database's clock,
 * like the calendar-owner leases: whichever instance's UPDATE matches the free row holds it, the other matches
 * nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class JdbcChangeStreamLeases implements ChangeStreamLeases {

    /** The heartbeat renews every 2 s; a lease not renewed for this long goes to another instance. */
    static final Duration LEASE = Duration.ofSeconds(20);

    @Resource(lookup = "jdbc/calsync")
    private DataSource dataSource;

    @Inject
    private ClusterMembership membership;

    protected JdbcChangeStreamLeases() {
        // for CDI
    }

    /** Outside a container, for instance as one of several instances in a test. */
    JdbcChangeStreamLeases(DataSource dataSource, ClusterMembership membership) {
        this.dataSource = dataSource;
        this.membership = membership;
    }

    private static String leaseEnd() {
        return "CURRENT_TIMESTAMP + " + DatabaseClusterMembership.seconds(LEASE);
    }

    /** Keeps this instance's leases for another lease period; called with every heartbeat. */
    static void renew(Connection connection, String self) throws SQLException {
        try (PreparedStatement renew = connection.prepareStatement("UPDATE change_stream_lease SET expires_at = "
                + leaseEnd() + " WHERE member_id = ? AND expires_at >= CURRENT_TIMESTAMP")) {
            renew.setString(1, self);
            renew.executeUpdate();
        }
    }

    @Override
    public Set<String> held() {
        String self = membership.self();
        try (Connection connection = dataSource.getConnection()) {
            Set<String> held = new HashSet<>();
            try (PreparedStatement find = connection.prepareStatement("SELECT calendar_id FROM change_stream_lease "
                    + "WHERE member_id = ? AND expires_at >= CURRENT_TIMESTAMP")) {
                find.setString(1, self);
                try (ResultSet rows = find.executeQuery()) {
                    while (rows.next()) {
                        held.add(rows.getString(1));
                    }
                }
            }
            return held;
        } catch (SQLException e) {
            throw new IllegalStateException("The change-stream leases could not be read", e);
        }
    }

    @Override
    public Set<String> claim(Map<String, String> candidates, int howMany) {
        Set<String> taken = new HashSet<>();
        if (howMany <= 0 || candidates.isEmpty()) {
            return taken;
        }
        String self = membership.self();
        try (Connection connection = dataSource.getConnection()) {
            Set<String> known = known(connection);
            for (Map.Entry<String, String> candidate : candidates.entrySet()) {
                if (!known.contains(candidate.getKey())) {
                    insertFree(connection, candidate.getKey(), candidate.getValue());
                }
            }
            // Only rows that look free are tried: an instance a little under its share would otherwise try every
            // row the others hold, at every upkeep.
            Set<String> free = free(connection);
            free.retainAll(candidates.keySet());
            try (PreparedStatement take = connection.prepareStatement("UPDATE change_stream_lease SET member_id = ?, "
                    + "expires_at = " + leaseEnd() + ", watch_mode = 'WAITING', problem = NULL WHERE calendar_id = ? "
                    + "AND (member_id IS NULL OR expires_at IS NULL OR expires_at < CURRENT_TIMESTAMP)")) {
                for (String calendarId : free) {
                    if (taken.size() >= howMany) {
                        break;
                    }
                    take.setString(1, self);
                    take.setString(2, calendarId);
                    if (take.executeUpdate() == 1) {
                        taken.add(calendarId);
                    }
                }
            }
            return taken;
        } catch (SQLException e) {
            throw new IllegalStateException("Change-stream leases could not be taken", e);
        }
    }

    private static Set<String> free(Connection connection) throws SQLException {
        Set<String> free = new HashSet<>();
        try (PreparedStatement find = connection.prepareStatement("SELECT calendar_id FROM change_stream_lease WHERE "
                + "member_id IS NULL OR expires_at IS NULL OR expires_at < CURRENT_TIMESTAMP");
             ResultSet rows = find.executeQuery()) {
            while (rows.next()) {
                free.add(rows.getString(1));
            }
        }
        return free;
    }

    /** A first row for the calendar; another instance making it at the same moment wins, which is as good. */
    private static void insertFree(Connection connection, String calendarId, String tenantId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO change_stream_lease (calendar_id, "
                + "tenant_id, watch_mode) VALUES (?, ?, 'WAITING')")) {
            insert.setString(1, calendarId);
            insert.setString(2, tenantId);
            insert.executeUpdate();
        } catch (SQLException raced) {
            if (raced.getSQLState() == null || !raced.getSQLState().startsWith("23")) {
                throw raced;
            }
        }
    }

    @Override
    public void release(Collection<String> calendarIds) {
        update("UPDATE change_stream_lease SET member_id = NULL, expires_at = NULL, watch_mode = 'WAITING' "
                + "WHERE calendar_id = ? AND member_id = ?", calendarIds, true);
    }

    @Override
    public void forget(Collection<String> calendarIds) {
        update("DELETE FROM change_stream_lease WHERE calendar_id = ?", calendarIds, false);
    }

    private void update(String sql, Collection<String> calendarIds, boolean ownOnly) {
        if (calendarIds.isEmpty()) {
            return;
        }
        String self = membership.self();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (String calendarId : calendarIds) {
                statement.setString(1, calendarId);
                if (ownOnly) {
                    statement.setString(2, self);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Change-stream leases could not be updated", e);
        }
    }

    @Override
    public Set<String> known() {
        try (Connection connection = dataSource.getConnection()) {
            return known(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("The change-stream leases could not be read", e);
        }
    }

    private static Set<String> known(Connection connection) throws SQLException {
        Set<String> known = new HashSet<>();
        try (PreparedStatement find = connection.prepareStatement("SELECT calendar_id FROM change_stream_lease");
             ResultSet rows = find.executeQuery()) {
            while (rows.next()) {
                known.add(rows.getString(1));
            }
        }
        return known;
    }

    @Override
    public void note(String calendarId, Mode mode, String problem) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement note = connection.prepareStatement("UPDATE change_stream_lease SET watch_mode = ?, "
                     + "problem = ? WHERE calendar_id = ? AND member_id = ?")) {
            note.setString(1, mode.name());
            note.setString(2, problem == null || problem.length() <= 1000 ? problem : problem.substring(0, 1000));
            note.setString(3, calendarId);
            note.setString(4, membership.self());
            note.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The watch of a calendar could not be noted", e);
        }
    }

    @Override
    public void notified(String calendarId, Instant at) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement note = connection.prepareStatement("UPDATE change_stream_lease SET last_notified_at = ? "
                     + "WHERE calendar_id = ?")) {
            note.setTimestamp(1, Timestamp.from(at));
            note.setString(2, calendarId);
            note.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("A notification could not be noted", e);
        }
    }

    @Override
    public StreamSummary summary(String tenantId) {
        Map<Mode, Integer> byMode = new EnumMap<>(Mode.class);
        Instant last = null;
        String problem = null;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement find = connection.prepareStatement("SELECT watch_mode, COUNT(*), MAX(last_notified_at), "
                     + "MAX(problem) FROM change_stream_lease WHERE tenant_id = ? GROUP BY watch_mode")) {
            find.setString(1, tenantId);
            try (ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    byMode.put(Mode.valueOf(rows.getString(1)), rows.getInt(2));
                    Timestamp at = rows.getTimestamp(3);
                    if (at != null && (last == null || at.toInstant().isAfter(last))) {
                        last = at.toInstant();
                    }
                    problem = problem != null ? problem : rows.getString(4);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The change streams could not be summed up", e);
        }
        return new StreamSummary(byMode, last, problem);
    }
}

package org.calsync.infrastructure.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import javax.sql.DataSource;

import org.calsync.domain.model.sync.ServerPauses;

/**
 * Pauses in {@code server_pause}, timed in the database's clock so that instances whose clocks disagree still
 * pause together. A pause this instance learnt of is also kept in memory, so that its own calls during the pause
 * need no query; a pause another instance recorded is read before each call.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class JdbcServerPauses implements ServerPauses {

    private static final Logger LOG = Logger.getLogger(JdbcServerPauses.class.getName());

    @Resource(lookup = "jdbc/calsync")
    private DataSource dataSource;

    /** Pauses known here, as the local instant they end. */
    private final Map<String, Instant> known = new ConcurrentHashMap<>();

    protected JdbcServerPauses() {
        // for CDI
    }

    /** Outside a container, for instance as one of several instances in a test. */
    JdbcServerPauses(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Duration remaining(String server) {
        Instant local = known.get(server);
        if (local != null && Instant.now().isBefore(local)) {
            return Duration.between(Instant.now(), local);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement find = connection.prepareStatement("SELECT paused_until, CURRENT_TIMESTAMP FROM server_pause "
                     + "WHERE server = ?")) {
            find.setString(1, server);
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    return Duration.ZERO;
                }
                Duration left = Duration.between(row.getTimestamp(2).toInstant(), row.getTimestamp(1).toInstant());
                if (left.isNegative() || left.isZero()) {
                    return Duration.ZERO;
                }
                known.put(server, Instant.now().plus(left));
                return left;
            }
        } catch (SQLException e) {
            // Without the database nothing else works either; the call goes ahead and meets the server's answer.
            LOG.log(Level.WARNING, "The pause of " + server + " could not be read", e);
            return Duration.ZERO;
        }
    }

    @Override
    public void pause(String server, Duration backOff) {
        Instant localEnd = Instant.now().plus(backOff);
        known.merge(server, localEnd, (before, now) -> before.isAfter(now) ? before : now);
        try (Connection connection = dataSource.getConnection()) {
            Instant databaseNow = databaseNow(connection);
            Timestamp until = Timestamp.from(databaseNow.plus(backOff));
            try (PreparedStatement update = connection.prepareStatement("UPDATE server_pause SET asked_at = ?, pause_millis = ?, "
                    + "paused_until = CASE WHEN paused_until > ? THEN paused_until ELSE ? END WHERE server = ?")) {
                update.setTimestamp(1, Timestamp.from(databaseNow));
                update.setLong(2, backOff.toMillis());
                update.setTimestamp(3, until);
                update.setTimestamp(4, until);
                update.setString(5, server);
                if (update.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO server_pause (server, asked_at, "
                    + "pause_millis, paused_until) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, server);
                insert.setTimestamp(2, Timestamp.from(databaseNow));
                insert.setLong(3, backOff.toMillis());
                insert.setTimestamp(4, until);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                pause(server, backOff); // another instance recorded its first pause at the same moment
                return;
            }
            LOG.log(Level.WARNING, "The pause of " + server + " could not be shared; this instance keeps it", e);
        }
    }

    private static Instant databaseNow(Connection connection) throws SQLException {
        try (PreparedStatement now = connection.prepareStatement("SELECT CURRENT_TIMESTAMP");
             ResultSet row = now.executeQuery()) {
            row.next();
            return row.getTimestamp(1).toInstant();
        }
    }

    @Override
    public Optional<Pause> last(String server) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement find = connection.prepareStatement("SELECT asked_at, pause_millis FROM server_pause "
                     + "WHERE server = ?")) {
            find.setString(1, server);
            try (ResultSet row = find.executeQuery()) {
                return row.next() ? Optional.of(new Pause(server, row.getTimestamp(1).toInstant(),
                        Duration.ofMillis(row.getLong(2)))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The pauses of " + server + " could not be read", e);
        }
    }
}

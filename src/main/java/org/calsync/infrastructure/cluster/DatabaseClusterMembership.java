package org.calsync.infrastructure.cluster;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import javax.sql.DataSource;

import org.calsync.domain.model.sync.ClusterMembership;

/**
 * Membership rows in {@code cluster_member}, all times in the database's clock, so that instances whose clocks
 * disagree still agree on who is alive. The heartbeat also renews the calendar-owner and change-stream leases held
 * here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class DatabaseClusterMembership implements ClusterMembership {

    private static final Logger LOG = Logger.getLogger(DatabaseClusterMembership.class.getName());

    /** Heartbeats come every 2 s; an instance silent for this long has left. */
    static final Duration SILENCE = Duration.ofSeconds(8);
    /** A calendar-owner lease outlives its last renewal by this much. */
    static final Duration OWNER_LEASE = Duration.ofSeconds(15);

    @Resource(lookup = "jdbc/calsync")
    private DataSource dataSource;

    @Inject
    private JdbcCalendarOwnerLock ownerLock;

    private volatile String self;
    private String name = nameOfThisProcess();

    protected DatabaseClusterMembership() {
        // for CDI, which injects the data source
    }

    /** Outside a container, for instance as one of several instances in a test. */
    DatabaseClusterMembership(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.name = name;
    }

    /**
     * How IT recognises this instance in the logs: Payara Server's instance name (in a deployment group) and the
     * process (pid@host); Payara Micro's instances are all called "server", so there only the process.
     */
    private static String nameOfThisProcess() {
        String process = ManagementFactory.getRuntimeMXBean().getName();
        String instance = System.getProperty("com.sun.aas.instanceName", "server");
        String name = "server".equals(instance) ? process : instance + " (" + process + ")";
        return name.length() <= 200 ? name : name.substring(0, 200);
    }

    /** The owner lock whose leases this instance's heartbeat renews. */
    void renewing(JdbcCalendarOwnerLock lock) {
        this.ownerLock = lock;
    }

    @Override
    public String self() {
        if (self == null) {
            heartbeat();
        }
        return self;
    }

    @Override
    public synchronized void heartbeat() {
        try (Connection connection = dataSource.getConnection()) {
            if (self == null
                    || update(connection, "UPDATE cluster_member SET heartbeat_at = CURRENT_TIMESTAMP WHERE id = ?", self) == 0) {
                join(connection);
            }
            if (ownerLock != null) {
                ownerLock.renew(connection);
            }
            // Renewed here, not by the change-stream upkeep, which may spend longer than a lease opening streams.
            JdbcChangeStreamLeases.renew(connection, self);
        } catch (SQLException e) {
            throw new IllegalStateException("The cluster heartbeat could not be written", e);
        }
    }

    /**
     * First start, or the others gave this instance up for dead (a long pause): it joins again under a new id, so
     * nothing it held before counts as held any more.
     */
    private void join(Connection connection) throws SQLException {
        String before = self;
        String joining = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cluster_member (id, name, started_at, "
                + "heartbeat_at) VALUES (?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
            insert.setString(1, joining);
            insert.setString(2, name);
            insert.executeUpdate();
        }
        self = joining;
        LOG.info(() -> "Joined the cluster as " + joining + " (" + name + "); " + alive() + " instances alive"
                + (before == null ? "" : ", before as " + before));
    }

    @Override
    public List<String> takeOverDeparted() {
        List<String> ours = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String> silent = new ArrayList<>();
            try (PreparedStatement find = connection.prepareStatement("SELECT id FROM cluster_member WHERE heartbeat_at < "
                    + "CURRENT_TIMESTAMP - " + seconds(SILENCE)); ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    silent.add(rows.getString(1));
                }
            }
            for (String departed : silent) {
                // Whoever deletes the row takes the instance over; the others find nothing left to delete.
                if (update(connection, "DELETE FROM cluster_member WHERE id = ? AND heartbeat_at < CURRENT_TIMESTAMP - "
                        + seconds(SILENCE), departed) == 1) {
                    update(connection, "UPDATE calendar_owner_lock SET holder = NULL, member_id = NULL, expires_at = NULL "
                            + "WHERE member_id = ?", departed);
                    // Its calendars' streams are taken at the next upkeep instead of when their leases run out.
                    update(connection, "UPDATE change_stream_lease SET member_id = NULL, expires_at = NULL, watch_mode = "
                            + "'WAITING' WHERE member_id = ?", departed);
                    ours.add(departed);
                    LOG.warning(() -> "Instance " + departed + " stopped answering; " + self + " takes over its work");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Departed instances could not be taken over", e);
        }
        return ours;
    }

    @Override
    public int alive() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM cluster_member WHERE heartbeat_at"
                     + " >= CURRENT_TIMESTAMP - " + seconds(SILENCE));
             ResultSet result = count.executeQuery()) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("The cluster members could not be counted", e);
        }
    }

    /** An interval literal that H2 and PostgreSQL both read. */
    static String seconds(Duration duration) {
        return "INTERVAL '" + duration.toSeconds() + "' SECOND";
    }

    private static int update(Connection connection, String sql, String id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            return statement.executeUpdate();
        }
    }
}

package org.calsync.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;

import org.calsync.domain.model.sync.SchedulerLease;

/**
 * A lease row updated with one conditional UPDATE: the database decides who wins, on H2 and PostgreSQL
 * alike, without holding a lock while the job runs. Uses its own connection in auto-commit.
 */
@ApplicationScoped
public class JdbcSchedulerLease implements SchedulerLease {

    @Resource(lookup = "jdbc/calsync")
    private DataSource dataSource;

    protected JdbcSchedulerLease() {
        // for CDI, which injects the data source
    }

    /** Outside a container, for instance as one of several nodes in a test. */
    JdbcSchedulerLease(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean tryAcquire(String name, String holder, Duration forHowLong) {
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement take = connection.prepareStatement(
                     "UPDATE scheduler_lease SET holder = ?, expires_at = ? WHERE name = ? AND (expires_at < ? OR holder = ?)")) {
            take.setString(1, holder);
            take.setObject(2, now.plus(forHowLong).atOffset(ZoneOffset.UTC));
            take.setString(3, name);
            take.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            take.setString(5, holder);
            return take.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the scheduler lease " + name, e);
        }
    }

    @Override
    public void release(String name, String holder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement free = connection.prepareStatement(
                     "UPDATE scheduler_lease SET holder = NULL, expires_at = ? WHERE name = ? AND holder = ?")) {
            free.setObject(1, OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC));
            free.setString(2, name);
            free.setString(3, holder);
            free.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot free the scheduler lease " + name, e);
        }
    }

    @Override
    public void releaseHeldBy(String holder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement free = connection.prepareStatement(
                     "UPDATE scheduler_lease SET holder = NULL, expires_at = ? WHERE holder = ?")) {
            free.setObject(1, OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC));
            free.setString(2, holder);
            free.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot free the scheduler leases of " + holder, e);
        }
    }
}

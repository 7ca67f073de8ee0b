package org.calsync.infrastructure.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import javax.sql.DataSource;

import org.calsync.domain.model.sync.PullExecutions;

/** {@code pull_execution} rows, written at once (outside any transaction) so that the other instances see them. */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class JdbcPullExecutions implements PullExecutions {

    /** Following a replacement only matters while someone watches the execution: a day is plenty. */
    private static final String KEPT = "INTERVAL '1' DAY";
    /** Replacements of replacements, for an instance that died twice in a row; a loop guard, not a limit in practice. */
    private static final int LONGEST_CHAIN = 20;

    @Resource(lookup = "jdbc/calsync")
    private DataSource dataSource;

    @Override
    public void started(long executionId, String instance, String tenantId, List<String> personIds) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pull_execution (execution_id, "
                    + "member_id, tenant_id, person_ids, started_at) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
                insert.setLong(1, executionId);
                insert.setString(2, instance);
                insert.setString(3, tenantId);
                insert.setString(4, personIds.isEmpty() ? null : String.join(",", personIds));
                insert.executeUpdate();
            }
            try (PreparedStatement prune = connection.prepareStatement("DELETE FROM pull_execution WHERE started_at < "
                    + "CURRENT_TIMESTAMP - " + KEPT)) {
                prune.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The pull execution " + executionId + " could not be recorded", e);
        }
    }

    @Override
    public List<Started> startedBy(String instance) {
        List<Started> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT execution_id, tenant_id, person_ids FROM "
                     + "pull_execution WHERE member_id = ? AND replaced_by IS NULL ORDER BY started_at")) {
            select.setString(1, instance);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String people = rows.getString(3);
                    found.add(new Started(rows.getLong(1), rows.getString(2),
                            people == null ? List.of() : Arrays.asList(people.split(","))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The pull executions of instance " + instance + " could not be read", e);
        }
        return found;
    }

    @Override
    public void replaced(Started execution, long replacement, String instance) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE pull_execution SET replaced_by = ? "
                     + "WHERE execution_id = ?")) {
            update.setLong(1, replacement);
            update.setLong(2, execution.executionId());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The replacement of pull execution " + execution.executionId()
                    + " could not be recorded", e);
        }
        started(replacement, instance, execution.tenantId(), execution.personIds());
    }

    @Override
    public long current(long executionId) {
        long current = executionId;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT replaced_by FROM pull_execution "
                     + "WHERE execution_id = ? AND replaced_by IS NOT NULL")) {
            for (int step = 0; step < LONGEST_CHAIN; step++) {
                select.setLong(1, current);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return current;
                    }
                    current = row.getLong(1);
                }
            }
            return current;
        } catch (SQLException e) {
            throw new IllegalStateException("The pull execution " + executionId + " could not be followed", e);
        }
    }
}

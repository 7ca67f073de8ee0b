package org.calsync.domain.shared;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;

import org.junit.jupiter.api.Test;

class ConcurrentChangesTest {

    private static TransactionalException failedCommit(Throwable cause) {
        RollbackException rollback = new RollbackException("rolled back");
        rollback.initCause(new PersistenceException(cause));
        return new TransactionalException("commit failed", rollback);
    }

    @Test
    void aUniqueKeyTakenAtTheSameTimeIsAConflict() {
        TransactionalException raced = failedCommit(new SQLException("duplicate key", "23505"));
        assertTrue(ConcurrentChanges.isConcurrentChange(raced));
    }

    @Test
    void aStaleVersionIsAConflict() {
        assertTrue(ConcurrentChanges.isConcurrentChange(failedCommit(new OptimisticLockException("stale"))));
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        TransactionalException down = failedCommit(new SQLException("connection refused", "08001"));
        assertFalse(ConcurrentChanges.isConcurrentChange(down));
    }
}

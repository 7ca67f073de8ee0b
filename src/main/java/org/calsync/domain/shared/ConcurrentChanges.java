package org.calsync.domain.shared;

import java.sql.SQLException;

/**
 * Tells whether a failed commit lost a race with another transaction: a stale version, or a unique key
 * taken in between. Judged from the cause chain by SQLState and by name, so that no layer above
 * infrastructure depends on JPA types.
 */
public final class ConcurrentChanges {

    private ConcurrentChanges() {
    }

    public static boolean isConcurrentChange(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            // JPA's and EclipseLink's optimistic lock exceptions share this name.
            if ("OptimisticLockException".equals(cause.getClass().getSimpleName())) {
                return true;
            }
            // SQLState class 23: integrity constraint violation (unique keys, on H2 and PostgreSQL).
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}

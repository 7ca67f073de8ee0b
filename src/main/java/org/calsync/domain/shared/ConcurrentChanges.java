package org.calsync.domain.shared;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Tells whether a failed commit lost a race with another transaction: a stale version, or a unique key
 * taken in between. Judged from the cause chain by SQLState and by name, so that no layer above
 * infrastructure depends on JPA types.
 */
public final class ConcurrentChanges {

    /** Enough for a class registering at once through several instances; each try waits a little longer. */
    private static final int ATTEMPTS = 10;

    private ConcurrentChanges() {
    }

    /**
     * Makes a change that cannot clash in meaning with another one made at the same moment (adding a learner while
     * another is added), trying it again, each time in a transaction of its own, when it lost a race at commit.
     * Changes that can clash (an edit over another edit) must not use this: their loser hears of the conflict.
     */
    public static <T> T retried(Supplier<T> change) {
        for (int attempt = 1;; attempt++) {
            try {
                return change.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isConcurrentChange(e)) {
                    throw e;
                }
                pause(ThreadLocalRandom.current().nextLong(5, 20) * attempt);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a change", e);
        }
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

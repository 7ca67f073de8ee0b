package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/**
 * A push that has not reached a calendar: {@code PENDING} while it is retried (at {@code nextAttemptAt}),
 * {@code DEAD} once it gave up.
 */
public record PushFailureView(String id, String sessionId, String sessionTitle, String personId, String personName,
        String state, int attempts, Instant nextAttemptAt, String lastError) implements Serializable {
}

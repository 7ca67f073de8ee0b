package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/**
 * A push that has not reached a calendar: {@code PENDING} while it is retried (at {@code nextAttemptAt}),
 * {@code DEAD} once it gave up. {@code channel} is CALENDARS (the person's linked calendars) or EMAIL (an
 * invitation email). {@code failureKind} says what kind of failure the last attempt met (SIGN_IN,
 * UNREACHABLE, BUSY, UNREADABLE, REMOVING or OTHER), {@code lastError} what the server said.
 */
public record PushFailureView(String id, String sessionId, String sessionTitle, String personId, String personName,
        String channel, String state, int attempts, Instant nextAttemptAt, String failureKind, String lastError)
        implements Serializable {
}

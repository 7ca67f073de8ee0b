package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/**
 * One entry of the sync log. {@code message} says what the run did in the reader's language, or, for a failure,
 * what the server said; {@code detail} is the technical side for IT (the failure, the items skipped and why).
 * {@code failureKind} says what kind of failure a failed run met (SIGN_IN, UNREACHABLE, BUSY, UNREADABLE, REMOVING or
 * OTHER); null otherwise.
 */
public record SyncRunView(String id, String accountId, String calendarId, Instant startedAt, Instant finishedAt,
        int changesIn, int changesOut, int errors, int requests, String outcome, String failureKind, String message,
        String detail)
        implements Serializable {
}

package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/**
 * One entry of the sync log. {@code message} says what the run did in the reader's language, or, for a failure,
 * what the server said; {@code detail} is the technical side for IT (the failure, the items skipped and why).
 */
public record SyncRunView(String id, String accountId, String calendarId, Instant startedAt, Instant finishedAt,
        int changesIn, int changesOut, int errors, int requests, String outcome, String message, String detail)
        implements Serializable {
}

package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/** One entry of the sync log. */
public record SyncRunView(String id, String accountId, String calendarId, Instant startedAt, Instant finishedAt,
        int changesIn, int changesOut, int errors, int requests, String outcome, String message) implements Serializable {
}

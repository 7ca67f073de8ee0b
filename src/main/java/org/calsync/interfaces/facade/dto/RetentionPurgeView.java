package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/** What a retention purge removed: busy times that ended before one moment, sync log entries from before another. */
public record RetentionPurgeView(int busyTimes, Instant busyTimesEndedBefore, int syncLogEntries, Instant syncLogBefore)
        implements Serializable {
}

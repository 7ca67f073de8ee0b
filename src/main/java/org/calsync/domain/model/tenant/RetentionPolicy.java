package org.calsync.domain.model.tenant;

import java.time.Duration;
import java.time.Instant;

import org.calsync.domain.shared.Validation;

/**
 * How long what CalSync read from people's calendars is kept: busy times for so many days after they end, the sync
 * log for so many days. Neither touches what CalSync needs to update or delete its own events (their links), and
 * the log keeps at least the week the dashboard charts.
 */
public class RetentionPolicy {

    public static final int MIN_BUSY_TIME_DAYS = 1;
    public static final int MIN_SYNC_LOG_DAYS = 7;
    public static final int MAX_DAYS = 3650;

    private int busyTimeDays;
    private int syncLogDays;

    protected RetentionPolicy() {
        // for JPA
    }

    public RetentionPolicy(int busyTimeDays, int syncLogDays) {
        Validation validation = new Validation();
        validation.check(busyTimeDays >= MIN_BUSY_TIME_DAYS && busyTimeDays <= MAX_DAYS, "busyRetentionDays",
                "settings.retentionRange", String.valueOf(MIN_BUSY_TIME_DAYS), String.valueOf(MAX_DAYS));
        validation.check(syncLogDays >= MIN_SYNC_LOG_DAYS && syncLogDays <= MAX_DAYS, "logRetentionDays",
                "settings.retentionRange", String.valueOf(MIN_SYNC_LOG_DAYS), String.valueOf(MAX_DAYS));
        validation.throwIfInvalid();
        this.busyTimeDays = busyTimeDays;
        this.syncLogDays = syncLogDays;
    }

    /** Thirty days of past busy times, ninety of sync log. */
    public static RetentionPolicy defaults() {
        return new RetentionPolicy(30, 90);
    }

    public int busyTimeDays() {
        return busyTimeDays;
    }

    public int syncLogDays() {
        return syncLogDays;
    }

    /** Busy times that ended before this are purged. */
    public Instant busyTimesEndedBefore(Instant now) {
        return now.minus(Duration.ofDays(busyTimeDays));
    }

    /** Sync log entries that finished before this are purged. */
    public Instant syncLogBefore(Instant now) {
        return now.minus(Duration.ofDays(syncLogDays));
    }
}

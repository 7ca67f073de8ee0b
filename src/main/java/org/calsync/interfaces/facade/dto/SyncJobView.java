package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;

/**
 * A calendar-pull job: STARTING, STARTED, COMPLETED, FAILED ...; the exit status counts outcomes, e.g. "OK=3".
 * {@code calendarsDone} of {@code calendarsTotal} say how far it has got (both 0 until the job has counted).
 */
public record SyncJobView(long executionId, String status, String exitStatus, Instant startedAt, Instant endedAt,
        int calendarsDone, int calendarsTotal) implements Serializable {

    public boolean finished() {
        return "COMPLETED".equals(status) || "FAILED".equals(status) || "STOPPED".equals(status)
                || "ABANDONED".equals(status);
    }

    /** 0 to 100; 100 once finished. */
    public int percent() {
        if (finished()) {
            return 100;
        }
        return calendarsTotal == 0 ? 0 : Math.min(99, calendarsDone * 100 / calendarsTotal);
    }
}

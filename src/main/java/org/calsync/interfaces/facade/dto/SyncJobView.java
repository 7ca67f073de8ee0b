package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A calendar-pull job: STARTING, STARTED, COMPLETED, FAILED ...; the exit status counts outcomes, e.g. "OK=3".
 * {@code calendarsDone} of {@code calendarsTotal} say how far it has got (both 0 until the job has counted).
 */
public record SyncJobView(long executionId, String status, String exitStatus, Instant startedAt, Instant endedAt,
        int calendarsDone, int calendarsTotal) implements Serializable {

    public boolean completed() {
        return "COMPLETED".equals(status);
    }

    public boolean finished() {
        return "COMPLETED".equals(status) || "FAILED".equals(status) || "STOPPED".equals(status)
                || "ABANDONED".equals(status);
    }

    /**
     * The exit status's counts in its order, e.g. {OK=3, FAILED=1}. Empty when the job counted nothing: a job
     * with no calendar to read ends with the batch runtime's own exit status, "COMPLETED".
     */
    public Map<String, Integer> outcomeCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (exitStatus != null) {
            Arrays.stream(exitStatus.trim().split("\\s+")).map(pair -> pair.split("=", 2))
                    .filter(pair -> pair.length == 2 && pair[1].matches("\\d+"))
                    .forEach(pair -> counts.put(pair[0], Integer.valueOf(pair[1])));
        }
        return counts;
    }

    /** 0 to 100; 100 once finished. */
    public int percent() {
        if (finished()) {
            return 100;
        }
        return calendarsTotal == 0 ? 0 : Math.min(99, calendarsDone * 100 / calendarsTotal);
    }
}

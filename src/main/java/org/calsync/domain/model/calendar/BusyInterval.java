package org.calsync.domain.model.calendar;

import java.time.Instant;

/**
 * One occurrence of an external event inside the pull window. All-day events keep their flag so that
 * they stay all-day wherever they are shown.
 */
public record BusyInterval(Instant start, Instant end, boolean allDay) {

    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }
}

package org.calsync.domain.model.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When an event happens: two instants, and the zone it was planned in so that calendars show the planned
 * wall-clock time.
 */
public record EventTime(Instant start, Instant end, ZoneId zone) {

    public EventTime {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
    }
}

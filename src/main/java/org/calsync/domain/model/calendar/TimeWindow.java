package org.calsync.domain.model.calendar;

import java.time.Instant;
import java.util.Objects;

/** The part of the calendar a pull cares about: by default from now to the tenant's pull window. */
public record TimeWindow(Instant from, Instant to) {

    public TimeWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("A time window must end after it starts: " + from + " - " + to);
        }
    }
}

package org.calsync.domain.model.calendar;

import java.util.Objects;

/** One write of a burst to one calendar, as {@link CalendarProvider#put} takes it. */
public record PendingWrite(OutgoingEvent event, String expectedVersion) {

    public PendingWrite {
        Objects.requireNonNull(event, "event");
    }
}

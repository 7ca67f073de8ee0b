package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One person's busy times for planning.
 *
 * @param source LINKED_CALENDARS (as pulled), EXCHANGE_FREE_BUSY or MICROSOFT_365_FREE_BUSY (the
 *               organisation's service, asked now, for someone who linked nothing), or NONE (nothing known)
 */
public record AvailabilityView(String personId, String name, String source, List<Interval> busy) implements Serializable {

    public record Interval(Instant start, Instant end, boolean allDay) implements Serializable {
    }
}

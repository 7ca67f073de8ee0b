package org.calsync.domain.model.planning;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.MergedBusyTimes;
import org.calsync.domain.model.person.WorkingHours;

/** One person a slot is sought for: their merged busy times, working hours and time zone. */
public final class Attendee {

    private final String personId;
    private final WorkingHours hours;
    private final ZoneId zone;
    private final MergedBusyTimes busy;

    public Attendee(String personId, WorkingHours hours, ZoneId zone, List<BusyInterval> busy) {
        this.personId = Objects.requireNonNull(personId, "personId");
        this.hours = Objects.requireNonNull(hours, "hours");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.busy = new MergedBusyTimes(busy);
    }

    public String personId() {
        return personId;
    }

    /** True when nothing they are busy with overlaps [from, to). */
    public boolean isFree(Instant from, Instant to) {
        return busy.isFree(from, to);
    }

    /** True when [from, to) lies inside one of their working days, in their own time zone. */
    public boolean worksDuring(Instant from, Instant to) {
        ZonedDateTime start = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        return start.toLocalDate().equals(end.toLocalDate())
                && hours.days().contains(start.getDayOfWeek())
                && !start.toLocalTime().isBefore(hours.start())
                && !end.toLocalTime().isAfter(hours.end());
    }
}

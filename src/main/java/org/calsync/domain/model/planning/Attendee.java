package org.calsync.domain.model.planning;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.person.WorkingHours;

/**
 * One person a slot is sought for: their busy times merged into sorted, non-overlapping intervals, so that
 * asking whether they are free costs a binary search however full their calendar is.
 */
public final class Attendee {

    private final String personId;
    private final WorkingHours hours;
    private final ZoneId zone;
    private final Instant[] starts;
    private final Instant[] ends;

    public Attendee(String personId, WorkingHours hours, ZoneId zone, List<BusyInterval> busy) {
        this.personId = Objects.requireNonNull(personId, "personId");
        this.hours = Objects.requireNonNull(hours, "hours");
        this.zone = Objects.requireNonNull(zone, "zone");
        List<BusyInterval> sorted = new ArrayList<>(busy);
        sorted.sort(Comparator.comparing(BusyInterval::start));
        List<Instant[]> merged = new ArrayList<>();
        for (BusyInterval interval : sorted) {
            Instant[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !interval.start().isAfter(last[1])) {
                if (interval.end().isAfter(last[1])) {
                    last[1] = interval.end();
                }
            } else {
                merged.add(new Instant[] {interval.start(), interval.end()});
            }
        }
        this.starts = merged.stream().map(pair -> pair[0]).toArray(Instant[]::new);
        this.ends = merged.stream().map(pair -> pair[1]).toArray(Instant[]::new);
    }

    public String personId() {
        return personId;
    }

    /** True when nothing they are busy with overlaps [from, to). */
    public boolean isFree(Instant from, Instant to) {
        int low = 0;
        int high = starts.length - 1;
        // The last interval starting before `to` is the only one that can overlap: the merged ones are disjoint.
        int candidate = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (starts[middle].isBefore(to)) {
                candidate = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return candidate < 0 || !ends[candidate].isAfter(from);
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

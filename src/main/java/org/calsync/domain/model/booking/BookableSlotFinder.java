package org.calsync.domain.model.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.MergedBusyTimes;

/**
 * The times learners can book of one kind with one instructor. A start is offered only when all of these hold:
 * <ul>
 * <li>the kind's length fits in one stretch of the published availability of that date;</li>
 * <li>neither it nor its buffers overlap anything the instructor is busy with (calendar or session), and it does not
 * overlap the buffers of a booking already made of the kind (buffers may overlap each other, as in most booking
 * tools);</li>
 * <li>it is at least the kind's notice ahead of now, and less than its horizon;</li>
 * <li>the instructor has fewer bookings of the kind that day (in their own zone) than its daily maximum.</li>
 * </ul>
 * Start times follow the wall clock of the instructor's zone. A start in the hour skipped when daylight saving time
 * begins moves forward by that hour, as the zone's rules say, and each moment is offered once.
 */
public final class BookableSlotFinder {

    private final Clock clock;

    public BookableSlotFinder(Clock clock) {
        this.clock = clock;
    }

    /** Every bookable time starting in [from, to), earliest first. */
    public List<BookableSlot> find(PublishedAvailability availability, BookableKind kind, InstructorDiary diary,
            Instant from, Instant to) {
        ZoneId zone = availability.zone();
        Instant now = clock.instant();
        Instant earliest = max(from, now.plus(kind.notice()));
        Instant latest = min(to, now.plus(kind.horizon()));
        MergedBusyTimes busy = new MergedBusyTimes(diary.busy());
        MergedBusyTimes bookedWithBuffers = new MergedBusyTimes(diary.bookingStartsOfKind().stream()
                .map(start -> new BusyInterval(start.minus(kind.bufferBefore()),
                        start.plus(kind.length()).plus(kind.bufferAfter()), false)).toList());
        Map<LocalDate, Integer> bookedPerDay = new HashMap<>();
        diary.bookingStartsOfKind().forEach(start -> bookedPerDay.merge(start.atZone(zone).toLocalDate(), 1, Integer::sum));
        List<BookableSlot> slots = new ArrayList<>();
        if (!earliest.isBefore(latest)) {
            return slots;
        }
        LocalDate lastDay = latest.atZone(zone).toLocalDate();
        for (LocalDate day = earliest.atZone(zone).toLocalDate(); !day.isAfter(lastDay); day = day.plusDays(1)) {
            if (bookedPerDay.getOrDefault(day, 0) >= kind.maxPerDay()) {
                continue;
            }
            for (LocalTimeSpan open : availability.openOn(day)) {
                Instant openEnd = ZonedDateTime.of(day, open.end(), zone).toInstant();
                Instant latestOffered = null;
                for (LocalTime wall = open.start(); wall.isBefore(open.end()) && !wall.isBefore(open.start());
                        wall = wall.plus(kind.startEvery())) {
                    Instant start = ZonedDateTime.of(day, wall, zone).toInstant();
                    Instant end = start.plus(kind.length());
                    if (end.isAfter(openEnd)) {
                        break;
                    }
                    // Wall times in the skipped hour land on the same moments as those after it.
                    boolean repeated = latestOffered != null && !start.isAfter(latestOffered);
                    latestOffered = repeated ? latestOffered : start;
                    if (repeated || start.isBefore(earliest) || !start.isBefore(latest)) {
                        continue;
                    }
                    if (busy.isFree(start.minus(kind.bufferBefore()), end.plus(kind.bufferAfter()))
                            && bookedWithBuffers.isFree(start, end)) {
                        slots.add(new BookableSlot(start, end));
                    }
                }
            }
        }
        return slots;
    }

    /** Whether a booking starting then can be made now: the same rules as {@link #find}, for one start. */
    public boolean isBookable(PublishedAvailability availability, BookableKind kind, InstructorDiary diary,
            Instant start) {
        return find(availability, kind, diary, start, start.plusSeconds(1)).stream()
                .anyMatch(slot -> slot.start().equals(start));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

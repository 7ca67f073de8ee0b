package org.calsync.domain.model.planning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks the times a group could meet. Best first: nobody busy, then nobody outside their working hours,
 * then the earliest. Suggestions never overlap one another, and at most two fall on the same day while
 * there are other days to offer, so that the list gives real choices rather than 09:00, 09:15, 09:30.
 */
public final class FreeSlotFinder {

    private static final int PER_DAY_WHILE_SPREADING = 2;

    private final Clock clock;

    public FreeSlotFinder(Clock clock) {
        this.clock = clock;
    }

    public List<FreeSlot> find(SlotSearch search, List<Attendee> attendees, int howMany) {
        Instant now = clock.instant();
        List<FreeSlot> candidates = new ArrayList<>();
        for (LocalDate day = search.firstDay(); !day.isAfter(search.lastDay()); day = day.plusDays(1)) {
            if (!search.days().contains(day.getDayOfWeek())) {
                continue;
            }
            LocalDateTime dayEnd = day.atTime(search.dayEnd());
            for (LocalDateTime start = day.atTime(search.dayStart());
                    !start.plus(search.length()).isAfter(dayEnd); start = start.plus(search.step())) {
                // Zone rules decide the instant: a wall-clock time skipped by a DST change moves forward.
                Instant from = ZonedDateTime.of(start, search.zone()).toInstant();
                Instant to = from.plus(search.length());
                if (from.isBefore(now)) {
                    continue;
                }
                candidates.add(assess(attendees, from, to));
            }
        }
        candidates.sort(RANKING);
        return choose(candidates, search, howMany);
    }

    private static FreeSlot assess(List<Attendee> attendees, Instant from, Instant to) {
        List<String> busy = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (Attendee attendee : attendees) {
            if (!attendee.isFree(from, to)) {
                busy.add(attendee.personId());
            } else if (!attendee.worksDuring(from, to)) {
                outside.add(attendee.personId());
            }
        }
        return new FreeSlot(from, to, busy, outside);
    }

    private static final Comparator<FreeSlot> RANKING = Comparator
            .comparingInt((FreeSlot slot) -> slot.busyPersonIds().size())
            .thenComparingInt(slot -> slot.outsideHoursPersonIds().size())
            .thenComparing(FreeSlot::start);

    private static List<FreeSlot> choose(List<FreeSlot> ranked, SlotSearch search, int howMany) {
        List<FreeSlot> chosen = new ArrayList<>();
        Map<LocalDate, Integer> perDay = new HashMap<>();
        for (boolean spreading : new boolean[] {true, false}) {
            for (FreeSlot slot : ranked) {
                if (chosen.size() == howMany) {
                    break;
                }
                LocalDate day = slot.start().atZone(search.zone()).toLocalDate();
                boolean dayFull = spreading && perDay.getOrDefault(day, 0) >= PER_DAY_WHILE_SPREADING;
                if (!dayFull && chosen.stream().noneMatch(slot::overlaps)) {
                    chosen.add(slot);
                    perDay.merge(day, 1, Integer::sum);
                }
            }
        }
        chosen.sort(RANKING);
        return chosen;
    }
}

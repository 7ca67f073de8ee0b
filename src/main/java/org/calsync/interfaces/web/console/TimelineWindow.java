package org.calsync.interfaces.web.console;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.calsync.interfaces.facade.dto.PlanView;

/**
 * What the assistant's timeline shows at once: one day, or the chosen weekdays of one week, each from the start
 * to the end of the working day asked for, and nothing in between. Everything outside stays out of the model,
 * so that nothing can be drawn at the edge of the view, and the axis can show hours.
 */
public final class TimelineWindow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final LocalDate from;
    private final LocalDate to;
    private final Set<DayOfWeek> days;
    private final LocalTime dayStart;
    private final LocalTime dayEnd;
    private final boolean oneDay;
    private final LocalDate anchor;

    private TimelineWindow(LocalDate from, LocalDate to, Set<DayOfWeek> days, LocalTime dayStart, LocalTime dayEnd,
            boolean oneDay, LocalDate anchor) {
        this.from = from;
        this.to = to;
        this.days = Set.copyOf(days);
        this.dayStart = dayStart;
        this.dayEnd = dayEnd;
        this.oneDay = oneDay;
        this.anchor = anchor;
    }

    /** The first week (or day) of the days asked for that holds a chosen weekday. */
    public static TimelineWindow first(LocalDate from, LocalDate to, Set<DayOfWeek> days, LocalTime dayStart,
            LocalTime dayEnd, boolean oneDay) {
        LocalDate first = from.datesUntil(to.plusDays(1)).filter(day -> days.contains(day.getDayOfWeek())).findFirst()
                .orElse(from);
        return new TimelineWindow(from, to, days, dayStart, dayEnd, oneDay, first);
    }

    /** The same place shown as a single day (its first shown day) or as its whole week. */
    public TimelineWindow showingOneDay(boolean day) {
        return new TimelineWindow(from, to, days, dayStart, dayEnd, day, shownDays().isEmpty() ? anchor : shownDays().get(0));
    }

    public boolean oneDay() {
        return oneDay;
    }

    /** The days drawn, in order: the anchor alone, or the chosen weekdays of its week within the days asked. */
    public List<LocalDate> shownDays() {
        if (oneDay) {
            return List.of(anchor);
        }
        LocalDate monday = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<LocalDate> shown = monday.datesUntil(monday.plusDays(7))
                .filter(day -> !day.isBefore(from) && !day.isAfter(to) && days.contains(day.getDayOfWeek())).toList();
        return shown.isEmpty() ? List.of(anchor) : shown;
    }

    public LocalDateTime start() {
        return shownDays().get(0).atTime(dayStart);
    }

    public LocalDateTime end() {
        List<LocalDate> shown = shownDays();
        return shown.get(shown.size() - 1).atTime(dayEnd);
    }

    /** The hours between two shown days (nights, unchosen weekdays), which the timeline leaves out. */
    public List<PlanView.Span> hidden() {
        List<LocalDate> shown = shownDays();
        List<PlanView.Span> hidden = new ArrayList<>();
        for (int i = 0; i + 1 < shown.size(); i++) {
            hidden.add(new PlanView.Span(shown.get(i).atTime(dayEnd), shown.get(i + 1).atTime(dayStart)));
        }
        return hidden;
    }

    /** Whether something from start to end shows in one of the shown days' hours. */
    public boolean shows(LocalDateTime start, LocalDateTime end) {
        return shownDays().stream().anyMatch(day -> start.isBefore(day.atTime(dayEnd)) && end.isAfter(day.atTime(dayStart)));
    }

    /** The part of start to end inside the window, so that a long block is not drawn past its edges. */
    public PlanView.Span clip(LocalDateTime start, LocalDateTime end) {
        return new PlanView.Span(start.isBefore(start()) ? start() : start, end.isAfter(end()) ? end() : end);
    }

    public boolean hasPrevious() {
        return step(-1) != null;
    }

    public boolean hasNext() {
        return step(1) != null;
    }

    public TimelineWindow previous() {
        LocalDate day = step(-1);
        return day == null ? this : new TimelineWindow(from, to, days, dayStart, dayEnd, oneDay, day);
    }

    public TimelineWindow next() {
        LocalDate day = step(1);
        return day == null ? this : new TimelineWindow(from, to, days, dayStart, dayEnd, oneDay, day);
    }

    /** The nearest chosen day in the next (or previous) day or week that lies within the days asked for. */
    private LocalDate step(int direction) {
        LocalDate day = oneDay ? anchor : anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (!oneDay) {
            // A week: look for a chosen day in the whole next (or previous) week.
            LocalDate monday = day.plusWeeks(direction);
            return monday.datesUntil(monday.plusDays(7))
                    .filter(d -> !d.isBefore(from) && !d.isAfter(to) && days.contains(d.getDayOfWeek())).findFirst()
                    .orElse(null);
        }
        for (LocalDate next = day.plusDays(direction); !next.isBefore(from) && !next.isAfter(to); next = next.plusDays(direction)) {
            if (days.contains(next.getDayOfWeek())) {
                return next;
            }
        }
        return null;
    }
}

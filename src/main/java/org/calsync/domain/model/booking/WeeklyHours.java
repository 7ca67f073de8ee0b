package org.calsync.domain.model.booking;

import java.time.DayOfWeek;
import java.time.LocalTime;

import org.calsync.domain.shared.Validation;

/** One stretch of a weekday in which an instructor can be booked, in wall-clock time of their own zone. */
public class WeeklyHours {

    private DayOfWeek day;
    private LocalTime start;
    private LocalTime end;

    protected WeeklyHours() {
        // for JPA
    }

    public WeeklyHours(DayOfWeek day, LocalTime start, LocalTime end) {
        Validation validation = new Validation();
        validation.check(day != null, "weeklyHours", "availability.dayRequired");
        validation.check(start != null && end != null, "weeklyHours", "availability.hoursRequired");
        validation.check(start == null || end == null || end.isAfter(start), "weeklyHours", "availability.endBeforeStart");
        validation.throwIfInvalid();
        this.day = day;
        this.start = start;
        this.end = end;
    }

    public DayOfWeek day() {
        return day;
    }

    public LocalTime start() {
        return start;
    }

    public LocalTime end() {
        return end;
    }

    LocalTimeSpan span() {
        return new LocalTimeSpan(start, end);
    }
}

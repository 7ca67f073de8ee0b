package org.calsync.domain.model.booking;

import java.time.LocalDate;
import java.time.LocalTime;

import org.calsync.domain.shared.Validation;

/** A dated exception to the weekly hours: a day off, some time off within a day, or extra hours. */
public class AvailabilityChange {

    /** What the exception does to its date. */
    public enum Kind {
        /** Nothing can be booked that day. */
        DAY_OFF,
        /** The weekly hours of that day, less this stretch. */
        TIME_OFF,
        /** This stretch can be booked that day as well. */
        EXTRA_HOURS
    }

    private LocalDate date;
    private Kind kind;
    private LocalTime start;
    private LocalTime end;

    protected AvailabilityChange() {
        // for JPA
    }

    private AvailabilityChange(LocalDate date, Kind kind, LocalTime start, LocalTime end) {
        Validation validation = new Validation();
        validation.check(date != null, "changes", "availability.dateRequired");
        validation.check(kind != null, "changes", "availability.changeKindRequired");
        boolean needsHours = kind != Kind.DAY_OFF;
        validation.check(!needsHours || start != null && end != null, "changes", "availability.hoursRequired");
        validation.check(!needsHours || start == null || end == null || end.isAfter(start), "changes",
                "availability.endBeforeStart");
        validation.throwIfInvalid();
        this.date = date;
        this.kind = kind;
        this.start = needsHours ? start : null;
        this.end = needsHours ? end : null;
    }

    public static AvailabilityChange of(LocalDate date, Kind kind, LocalTime start, LocalTime end) {
        return new AvailabilityChange(date, kind, start, end);
    }

    public static AvailabilityChange dayOff(LocalDate date) {
        return new AvailabilityChange(date, Kind.DAY_OFF, null, null);
    }

    public static AvailabilityChange timeOff(LocalDate date, LocalTime start, LocalTime end) {
        return new AvailabilityChange(date, Kind.TIME_OFF, start, end);
    }

    public static AvailabilityChange extraHours(LocalDate date, LocalTime start, LocalTime end) {
        return new AvailabilityChange(date, Kind.EXTRA_HOURS, start, end);
    }

    public LocalDate date() {
        return date;
    }

    public Kind kind() {
        return kind;
    }

    /** Null for a day off. */
    public LocalTime start() {
        return start;
    }

    /** Null for a day off. */
    public LocalTime end() {
        return end;
    }

    LocalTimeSpan span() {
        return new LocalTimeSpan(start, end);
    }
}

package org.calsync.domain.model.person;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.calsync.domain.shared.Validation;

/** When a person usually works, in their own time zone; the scheduling assistant shades the rest. */
public class WorkingHours {

    private LocalTime start;
    private LocalTime end;
    private Set<DayOfWeek> days;

    protected WorkingHours() {
        // for JPA
    }

    public WorkingHours(LocalTime start, LocalTime end, Set<DayOfWeek> days) {
        Validation validation = new Validation();
        validation.check(start != null, "workStart", "workingHours.startRequired");
        validation.check(end != null, "workEnd", "workingHours.endRequired");
        validation.check(start == null || end == null || end.isAfter(start), "workEnd", "workingHours.endBeforeStart");
        validation.check(days != null && !days.isEmpty(), "workDays", "workingHours.noDays");
        validation.throwIfInvalid();
        this.start = start;
        this.end = end;
        this.days = EnumSet.copyOf(days);
    }

    public static WorkingHours officeHours() {
        return new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    }

    public LocalTime start() {
        return start;
    }

    public LocalTime end() {
        return end;
    }

    public Set<DayOfWeek> days() {
        return Collections.unmodifiableSet(days);
    }
}

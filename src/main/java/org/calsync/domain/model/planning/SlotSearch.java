package org.calsync.domain.model.planning;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;

import org.calsync.domain.shared.Validation;

/**
 * What the planner asks for: a meeting of some length, on some days, between daily hours, all read in one
 * time zone. Candidates start on a grid of {@code step} from the day's first hour.
 */
public record SlotSearch(LocalDate firstDay, LocalDate lastDay, Duration length, LocalTime dayStart, LocalTime dayEnd,
        Set<DayOfWeek> days, ZoneId zone, Duration step) {

    static final int MAX_DAYS = 62;

    public SlotSearch {
        Validation validation = new Validation();
        validation.check(firstDay != null, "from", "planning.fromRequired");
        validation.check(lastDay != null, "to", "planning.toRequired");
        validation.check(firstDay == null || lastDay == null || !lastDay.isBefore(firstDay), "to", "planning.toBeforeFrom");
        validation.check(firstDay == null || lastDay == null || ChronoUnit.DAYS.between(firstDay, lastDay) < MAX_DAYS,
                "to", "planning.tooManyDays", MAX_DAYS);
        validation.check(length != null && length.toMinutes() >= 5 && length.toHours() <= 12, "duration", "planning.durationRange");
        validation.check(dayStart != null, "dayStart", "planning.dayStartRequired");
        validation.check(dayEnd != null, "dayEnd", "planning.dayEndRequired");
        validation.check(dayStart == null || dayEnd == null || dayEnd.isAfter(dayStart), "dayEnd", "planning.dayEndBeforeStart");
        validation.check(dayStart == null || dayEnd == null || length == null
                || Duration.between(dayStart, dayEnd).compareTo(length) >= 0, "duration", "planning.durationTooLong");
        validation.check(days != null && !days.isEmpty(), "days", "planning.noDays");
        validation.check(zone != null, "zone", "input.zoneRequired");
        validation.throwIfInvalid();
        days = EnumSet.copyOf(days);
        step = step == null ? Duration.ofMinutes(15) : step;
    }
}

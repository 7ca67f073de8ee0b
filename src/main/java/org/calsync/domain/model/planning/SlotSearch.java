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
        validation.check(firstDay != null, "from", "Choose the first day.");
        validation.check(lastDay != null, "to", "Choose the last day.");
        validation.check(firstDay == null || lastDay == null || !lastDay.isBefore(firstDay), "to",
                "The last day must not be before the first.");
        validation.check(firstDay == null || lastDay == null || ChronoUnit.DAYS.between(firstDay, lastDay) < MAX_DAYS,
                "to", "Look at most " + MAX_DAYS + " days ahead at a time.");
        validation.check(length != null && length.toMinutes() >= 5 && length.toHours() <= 12, "duration",
                "A duration between 5 minutes and 12 hours is needed.");
        validation.check(dayStart != null, "dayStart", "Choose when the day starts.");
        validation.check(dayEnd != null, "dayEnd", "Choose when the day ends.");
        validation.check(dayStart == null || dayEnd == null || dayEnd.isAfter(dayStart), "dayEnd",
                "The day must end after it starts.");
        validation.check(dayStart == null || dayEnd == null || length == null
                || Duration.between(dayStart, dayEnd).compareTo(length) >= 0, "duration",
                "The duration is longer than the hours chosen.");
        validation.check(days != null && !days.isEmpty(), "days", "Choose at least one day of the week.");
        validation.check(zone != null, "zone", "Choose a time zone.");
        validation.throwIfInvalid();
        days = EnumSet.copyOf(days);
        step = step == null ? Duration.ofMinutes(15) : step;
    }
}

package org.calsync.interfaces.facade.dto;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What an instructor publishes: their zone (an IANA id), weekly hours and dated exceptions. Days of the week
 * (MONDAY...) and kinds of exception (DAY_OFF, TIME_OFF, EXTRA_HOURS) are names, checked by the facade.
 */
public record AvailabilityForm(String zone, List<Hours> weeklyHours, List<Change> changes) {

    public AvailabilityForm {
        weeklyHours = weeklyHours == null ? List.of() : List.copyOf(weeklyHours);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public record Hours(String day, LocalTime start, LocalTime end) {
    }

    public record Change(LocalDate date, String kind, LocalTime start, LocalTime end) {
    }
}

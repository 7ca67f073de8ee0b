package org.calsync.interfaces.facade.dto;

import java.util.List;

/** When an instructor can be booked, in wall-clock times of their zone (times as HH:mm, dates as yyyy-MM-dd). */
public record PublishedAvailabilityView(String personId, String zone, List<Hours> weeklyHours, List<Change> changes) {

    /** A weekday (MONDAY...) from start to end. */
    public record Hours(String day, String start, String end) {
    }

    /** A day off (no times), time off or extra hours on a date. */
    public record Change(String date, String kind, String start, String end) {
    }
}

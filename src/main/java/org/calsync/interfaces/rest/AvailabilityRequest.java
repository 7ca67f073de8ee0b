package org.calsync.interfaces.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An instructor's availability as the host platform sends it: wall-clock times (HH:mm) in their zone. */
@Schema(name = "AvailabilityRequest")
public class AvailabilityRequest {

    @Schema(required = true, example = "Europe/London", description = "IANA time zone id")
    public String zone;

    @Schema(description = "Weekly hours; several stretches on one day are allowed")
    public List<Hours> weeklyHours;

    @Schema(description = "Dated exceptions: a day off, time off within a day, or extra hours")
    public List<Change> changes;

    @Schema(name = "AvailabilityHours")
    public static class Hours {
        @Schema(required = true, example = "MONDAY")
        public String day;
        @Schema(required = true, example = "09:00")
        public String start;
        @Schema(required = true, example = "12:30")
        public String end;
    }

    @Schema(name = "AvailabilityChange")
    public static class Change {
        @Schema(required = true, example = "2027-01-18")
        public String date;
        @Schema(required = true, enumeration = {"DAY_OFF", "TIME_OFF", "EXTRA_HOURS"})
        public String kind;
        @Schema(example = "14:00", description = "Not for a day off")
        public String start;
        @Schema(example = "16:00", description = "Not for a day off")
        public String end;
    }
}

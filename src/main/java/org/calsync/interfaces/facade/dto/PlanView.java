package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The scheduling assistant's answer, every time in the zone asked for: one row per person, and suggested
 * times, best first.
 */
public record PlanView(String timeZone, List<Row> rows, List<Slot> slots) implements Serializable {

    /**
     * @param source LINKED_CALENDARS, EXCHANGE_FREE_BUSY, MICROSOFT_365_FREE_BUSY or NONE
     * @param problem why nothing is known of them, or null
     * @param offHours the parts of the chosen days, in the plan's zone, outside their own working hours
     */
    public record Row(String personId, String name, String source, String problem, String ownTimeZone,
            List<Span> offHours, List<Block> blocks) implements Serializable {
    }

    public record Span(LocalDateTime start, LocalDateTime end) implements Serializable {
    }

    /**
     * Something that keeps a person busy.
     *
     * @param kind CALENDAR, SESSION, EXCHANGE_FREE_BUSY or MICROSOFT_365_FREE_BUSY
     * @param title shown only where the person's privacy mode allows; null otherwise
     * @param origin the calendar's name, "Session", "Exchange free/busy" or "Microsoft 365 free/busy"
     * @param readAt when that calendar was last read, or null
     * @param lastError the account's current problem, or null
     */
    public record Block(String kind, LocalDateTime start, LocalDateTime end, boolean allDay, String title,
            String origin, Instant readAt, String lastError) implements Serializable {
    }

    /** A suggested time and who it does not suit, by name. */
    public record Slot(LocalDateTime start, LocalDateTime end, List<String> busy, List<String> outsideHours)
            implements Serializable {

        public boolean suitsEveryone() {
            return busy.isEmpty() && outsideHours.isEmpty();
        }
    }
}

package org.calsync.application.pull;

import java.time.Duration;

import org.calsync.application.pull.CalendarPull.TenantCalendarRef;

/**
 * Where a pull goes that was refused for now (the server asked CalSync to wait, or another pull of the same owner's
 * calendars held on too long): it is made again by itself once the wait is over, rather than at the next hourly
 * pull. Whoever runs pulls in the background provides it.
 */
public interface RefusedPulls {

    /**
     * @param calendar the calendar whose pull was refused
     * @param wait     how long the server asked CalSync to wait, or null when it did not say
     */
    void retryLater(TenantCalendarRef calendar, Duration wait);
}

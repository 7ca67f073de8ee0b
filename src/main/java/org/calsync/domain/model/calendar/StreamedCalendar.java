package org.calsync.domain.model.calendar;

import java.util.Objects;

/**
 * One calendar to stream the changes of.
 *
 * @param calendarId CalSync's id of the calendar, by which the listener hears of it
 * @param connection how to reach its account (a service account names the mailbox in {@code actAs})
 * @param remoteCalendarId the provider's id of the calendar
 */
public record StreamedCalendar(String calendarId, ProviderConnection connection, String remoteCalendarId) {

    public StreamedCalendar {
        Objects.requireNonNull(calendarId, "calendarId");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(remoteCalendarId, "remoteCalendarId");
    }
}

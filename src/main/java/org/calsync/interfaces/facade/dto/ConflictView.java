package org.calsync.interfaces.facade.dto;

import java.io.Serializable;

/**
 * Something a person is already doing while a session runs, in the session's local time.
 *
 * @param kind CALENDAR, SESSION, EXCHANGE_FREE_BUSY or MICROSOFT_365_FREE_BUSY
 * @param when e.g. "09:30–11:00", "all day", or with the date when it starts on another day
 * @param title the event's title where the person's privacy mode allows it, the other session's title, or null
 * @param source the calendar's name, "Session", "Exchange free/busy" or "Microsoft 365 free/busy"
 * @param allDay whether it takes the whole day, which {@code when} then says in English
 */
public record ConflictView(String kind, String when, String title, String source, boolean allDay) implements Serializable {
}

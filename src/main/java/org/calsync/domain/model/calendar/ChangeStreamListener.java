package org.calsync.domain.model.calendar;

/** Hears what an open {@link ChangeStream} brings, on the stream's own thread: it must return quickly. */
public interface ChangeStreamListener {

    /** Something in the calendar changed; one call may stand for a burst of changes. */
    void changed(String calendarId);

    /**
     * The stream ended by itself and could not be resumed (a dropped connection, subscriptions the server
     * forgot, notifications it says were missed): changes may have been missed, so the calendars must be
     * subscribed again and read once.
     */
    void interrupted(String reason);
}

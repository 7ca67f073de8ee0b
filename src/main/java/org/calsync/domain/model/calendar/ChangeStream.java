package org.calsync.domain.model.calendar;

import java.util.Map;
import java.util.Set;

/** A stream of changes held open for some calendars; renewed by the adapter until it is closed or interrupted. */
public interface ChangeStream extends AutoCloseable {

    /** How the changes reach CalSync. */
    enum Delivery {
        /** The server sends them over a connection CalSync holds open. */
        STREAMED,
        /** CalSync asks the server for them every few seconds (Exchange's pull subscriptions). */
        FETCHED
    }

    Delivery delivery();

    /** The calendars it carries, by CalSync's id. */
    Set<String> calendarIds();

    /** The calendars whose subscription the server refused, with its reason in plain words. */
    Map<String, String> refused();

    /** Whether it still carries changes; false once interrupted or closed. */
    boolean isOpen();

    /** Stops listening and lets the server forget the subscriptions. */
    @Override
    void close();
}

package org.calsync.domain.model.sync;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Which instance streams the changes of which calendar: each calendar is held by at most one instance at a time,
 * whose heartbeat renews the lease; a lease not renewed runs out within seconds, and its calendar goes to another.
 */
public interface ChangeStreamLeases {

    /** How a held calendar is watched now, for the console. */
    enum Mode {
        /** Over a streaming connection. */
        STREAMING,
        /** Through a subscription CalSync asks for its changes every few seconds: the server cannot stream. */
        PULL_SUBSCRIBED,
        /** Read every few minutes: the server refuses streaming. */
        POLLING,
        /** Not yet, or after a failure the next upkeep tries again. */
        WAITING
    }

    /** The calendars this instance holds now (a lease that ran out is lost). */
    Set<String> held();

    /**
     * Takes up to {@code howMany} of these calendars that nobody holds (or whose holder let the lease run out),
     * making rows for calendars seen for the first time. Two instances never take the same one.
     *
     * @param candidates calendar id to tenant id
     * @return the calendars taken
     */
    Set<String> claim(Map<String, String> candidates, int howMany);

    /** Gives calendars up, for another instance to take; done after their stream was closed. */
    void release(Collection<String> calendarIds);

    /** Forgets calendars that are no longer watched at all, whoever held them. */
    void forget(Collection<String> calendarIds);

    /** Every calendar with a lease row, held or not. */
    Set<String> known();

    /** Records how this instance watches a held calendar now, and what went wrong, if anything. */
    void note(String calendarId, Mode mode, String problem);

    /** Records that the provider told of a change in the calendar. */
    void notified(String calendarId, Instant at);

    /** A tenant's watched calendars, by mode, and the latest notification, for the console. */
    StreamSummary summary(String tenantId);

    /**
     * @param byMode         how many calendars are watched each way
     * @param lastNotifiedAt the latest change told over a stream; null before the first
     * @param problem        one of the problems noted, or null
     */
    record StreamSummary(Map<Mode, Integer> byMode, Instant lastNotifiedAt, String problem) {
    }
}

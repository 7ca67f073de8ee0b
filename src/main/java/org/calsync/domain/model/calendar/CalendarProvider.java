package org.calsync.domain.model.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.calsync.domain.model.tenant.CalendarProviderType;

/**
 * The port to one kind of external calendar. It speaks only domain types; each adapter translates at
 * the boundary. Every method may throw:
 * <ul>
 * <li>{@link ProviderUnavailableException}: throttled, down or slow; retry after the given delay;</li>
 * <li>{@link AuthorisationLostException}: the credentials no longer work; the person must reconnect;</li>
 * <li>{@link VersionConflictException}: a conditional write met a newer version on the server.</li>
 * </ul>
 * Items that cannot be read are reported in {@link ChangeBatch#skipped()}, never thrown.
 */
public interface CalendarProvider {

    /** What this kind of calendar can do and how people sign in to it, declared next to its adapter. */
    ProviderTraits traits();

    default CalendarProviderType type() {
        return traits().type();
    }

    /** Finds the account's calendars, following the provider's discovery rules. */
    List<RemoteCalendar> listCalendars(ProviderConnection connection);

    /**
     * What changed since the cursor. {@link SyncCursor#NONE}, or a cursor the server no longer accepts,
     * leads to a full read of the window.
     */
    ChangeBatch changesSince(ProviderConnection connection, String calendarId, SyncCursor cursor, TimeWindow window);

    /**
     * Creates or replaces the event with this UID. With a null expected version it must not exist yet
     * (a retry that finds it updates it instead of creating a second one). When
     * {@link PendingWrite#mayAdoptInvitation()}, a copy the calendar made of the person's emailed invitation (same
     * UID) becomes CalSync's event, written into where it is, instead of a second event beside it.
     */
    WriteResult put(ProviderConnection connection, String calendarId, PendingWrite write);

    /** {@link #put(ProviderConnection, String, PendingWrite)} for a write that knows no copy but its version. */
    default WriteResult put(ProviderConnection connection, String calendarId, OutgoingEvent event,
            String expectedVersion) {
        return put(connection, calendarId, new PendingWrite(event, expectedVersion));
    }

    /**
     * Many writes to one calendar, as a burst (a newly linked calendar receiving every upcoming session, a
     * course rescheduled). One outcome per write, in order; one write failing never fails the others.
     * Providers that can send writes together (Graph's {@code $batch}) do; the others write one by one, and
     * stop at the first refusal or outage, which the remaining writes would only meet again.
     */
    default List<WriteOutcome> putAll(ProviderConnection connection, String calendarId, List<PendingWrite> writes) {
        List<WriteOutcome> outcomes = new ArrayList<>();
        RuntimeException stopped = null;
        for (PendingWrite write : writes) {
            if (stopped != null) {
                outcomes.add(WriteOutcome.failed(stopped));
                continue;
            }
            try {
                outcomes.add(WriteOutcome.written(put(connection, calendarId, write)));
            } catch (ProviderUnavailableException | AuthorisationLostException e) {
                stopped = e;
                outcomes.add(WriteOutcome.failed(e));
            } catch (RuntimeException e) {
                outcomes.add(WriteOutcome.failed(e));
            }
        }
        return outcomes;
    }

    /** Deletes the event; deleting one that is already gone is not an error. */
    void delete(ProviderConnection connection, String calendarId, String remoteId, String expectedVersion);

    /** Asks the provider to call {@link WatchRequest#address()} whenever the calendar changes. */
    default WatchGrant watch(ProviderConnection connection, String calendarId, WatchRequest request) {
        throw new UnsupportedOperationException(type() + " does not call back on changes");
    }

    /**
     * Extends a watch before it expires. A provider that cannot extend one opens a new watch, then closes the
     * old, so that no change falls between the two.
     */
    default WatchGrant renew(ProviderConnection connection, String calendarId, WatchGrant current, WatchRequest request) {
        WatchGrant next = watch(connection, calendarId, request);
        unwatch(connection, current);
        return next;
    }

    /** Stops a watch; one the provider no longer knows is not an error. */
    default void unwatch(ProviderConnection connection, WatchGrant watch) {
        // nothing was watched
    }

    /**
     * Busy times of many people at once, by email address, as the organisation's free/busy service sees them,
     * including people who linked no calendar. Providers without such a service answer with an empty map;
     * people the provider does not know are left out.
     */
    default Map<String, List<BusyInterval>> freeBusy(ProviderConnection connection, List<String> emails, TimeWindow window) {
        return Map.of();
    }
}

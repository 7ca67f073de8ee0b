package org.calsync.infrastructure.provider.caldav;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.domain.model.calendar.CalendarProvider;
import org.calsync.domain.model.calendar.ChangeBatch;
import org.calsync.domain.model.calendar.PendingWrite;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderTraits;
import org.calsync.domain.model.calendar.RemoteCalendar;
import org.calsync.domain.model.calendar.SyncCursor;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.calendar.WriteResult;
import org.calsync.domain.model.sync.SyncMetrics;
import org.calsync.infrastructure.provider.ical.IcsReader;
import org.calsync.infrastructure.provider.rest.ThrottlePauses;

/** Any CalDAV server: Nextcloud, SOGo, Radicale, Cyrus, Baïkal. Calendar ids are collection URLs. */
@ApplicationScoped
public class CalDavCalendarProvider implements CalendarProvider {

    private final DavConnections connections = new DavConnections();

    /** Told of the waits this kind of calendar imposes; the container connects it to the metrics. */
    ThrottlePauses pauses = ThrottlePauses.NONE;

    @Inject
    void reportPausesTo(SyncMetrics metrics) {
        pauses = wait -> metrics.throttled(type(), wait);
    }

    @Override
    public ProviderTraits traits() {
        return CalDavKinds.CALDAV;
    }

    @Override
    public List<RemoteCalendar> listCalendars(ProviderConnection connection) {
        return new CalendarDiscovery(transport(connection)).calendars();
    }

    @Override
    public ChangeBatch changesSince(ProviderConnection connection, String calendarId, SyncCursor cursor,
            TimeWindow window) {
        return new CollectionReader(transport(connection), new IcsReader(connection.ownerZone(), ownerAddresses(connection)))
                .changesSince(URI.create(calendarId), cursor, window);
    }

    /** Who the owner is among an event's attendees: the address they sign in with, where it is one. */
    private static Set<String> ownerAddresses(ProviderConnection connection) {
        Set<String> addresses = new HashSet<>();
        for (String candidate : new String[] {connection.username(), connection.actAs()}) {
            if (candidate != null && candidate.contains("@")) {
                addresses.add(candidate);
            }
        }
        return addresses;
    }

    @Override
    public WriteResult put(ProviderConnection connection, String calendarId, PendingWrite write) {
        // An imported invitation needs no looking for: the server refuses a second event with its UID (no-uid-conflict).
        return new EventWriter(transport(connection)).put(URI.create(calendarId), write.event(),
                write.expectedVersion());
    }

    @Override
    public void delete(ProviderConnection connection, String calendarId, String remoteId, String expectedVersion) {
        new EventWriter(transport(connection)).delete(URI.create(remoteId), expectedVersion);
    }

    private DavTransport transport(ProviderConnection connection) {
        return new DavTransport(connections, connection, pauses);
    }

    /** Connections kept open for the next request, to any server. */
    int idleConnections() {
        return connections.idle();
    }

    @PreDestroy
    void closeConnections() {
        connections.close();
    }
}

package org.calsync.infrastructure.provider.google;

import static org.calsync.infrastructure.provider.google.GoogleErrors.RULES;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.CalendarProvider;
import org.calsync.domain.model.calendar.ChangeBatch;
import org.calsync.domain.model.calendar.PendingWrite;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderTraits;
import org.calsync.domain.model.calendar.RemoteCalendar;
import org.calsync.domain.model.calendar.SyncCursor;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.calendar.WatchGrant;
import org.calsync.domain.model.calendar.WatchRequest;
import org.calsync.domain.model.calendar.WriteOutcome;
import org.calsync.domain.model.calendar.WriteResult;
import org.calsync.domain.model.sync.SyncMetrics;
import org.calsync.infrastructure.provider.rest.RetryingJsonClient;
import org.calsync.infrastructure.provider.rest.ThrottlePauses;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Google Calendar through the Calendar API v3. The connection's server is the API's base address and its
 * secret the access token. Pulls are incremental with sync tokens (a 410 means a full read of the window);
 * recurring series come expanded (singleEvents), so a moved or cancelled occurrence is an event of its own.
 */
@ApplicationScoped
public class GoogleCalendarProvider implements CalendarProvider {

    private final HttpClient client = RetryingJsonClient.newHttpClient();

    @Inject
    @ConfigProperty(name = "calsync.google.first-back-off-ms", defaultValue = "1000")
    long firstBackOffMs;

    /** Told of the waits this kind of calendar imposes; the container connects it to the metrics. */
    ThrottlePauses pauses = ThrottlePauses.NONE;

    public GoogleCalendarProvider() {
        // for CDI
    }

    /** For tests outside a container. */
    GoogleCalendarProvider(long firstBackOffMs) {
        this.firstBackOffMs = firstBackOffMs;
    }

    @Inject
    void reportPausesTo(SyncMetrics metrics) {
        pauses = wait -> metrics.throttled(type(), wait);
    }

    @Override
    public ProviderTraits traits() {
        return GoogleKind.TRAITS;
    }

    @Override
    public List<RemoteCalendar> listCalendars(ProviderConnection connection) {
        return new GoogleCalendarList(calls(connection)).calendars();
    }

    @Override
    public ChangeBatch changesSince(ProviderConnection connection, String calendarId, SyncCursor cursor,
            TimeWindow window) {
        return new GoogleSyncReader(calls(connection)).changesSince(calendarId, cursor, window);
    }

    @Override
    public WriteResult put(ProviderConnection connection, String calendarId, PendingWrite write) {
        return writer(connection).put(calendarId, write);
    }

    @Override
    public List<WriteOutcome> putAll(ProviderConnection connection, String calendarId, List<PendingWrite> writes) {
        return writer(connection).putAll(calendarId, writes);
    }

    @Override
    public void delete(ProviderConnection connection, String calendarId, String remoteId, String expectedVersion) {
        writer(connection).delete(calendarId, remoteId, expectedVersion);
    }

    @Override
    public Map<String, List<BusyInterval>> freeBusy(ProviderConnection connection, List<String> emails,
            TimeWindow window) {
        return new GoogleFreeBusy(calls(connection)).freeBusy(emails, window);
    }

    @Override
    public WatchGrant watch(ProviderConnection connection, String calendarId, WatchRequest request) {
        return new GoogleChannels(calls(connection)).watch(calendarId, request);
    }

    @Override
    public void unwatch(ProviderConnection connection, WatchGrant watch) {
        new GoogleChannels(calls(connection)).unwatch(watch);
    }

    private GoogleEventWriter writer(ProviderConnection connection) {
        return new GoogleEventWriter(calls(connection), Duration.ofMillis(firstBackOffMs));
    }

    private GoogleCalls calls(ProviderConnection connection) {
        return new GoogleCalls(connection, new RetryingJsonClient(client, RULES, Duration.ofMillis(firstBackOffMs), null,
                pauses));
    }
}

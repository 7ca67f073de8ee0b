package org.calsync.infrastructure.provider.graph;

import static org.calsync.infrastructure.provider.graph.GraphErrors.RULES;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

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
 * Microsoft 365 through Microsoft Graph v1.0. The connection's server is Graph's base address, its secret
 * the access token, and its actAs (organisation-wide mode) the mailbox reached by address; otherwise the
 * signed-in person's own ({@code /me}). Pulls are incremental with calendarView delta: the delta link is
 * the cursor, and an expired one (410) means a full read of the window. Ids are asked for immutable, so an
 * event keeps its id when the person moves it between folders.
 */
@ApplicationScoped
public class GraphCalendarProvider implements CalendarProvider {

    /** Graph serves at most four requests to one mailbox at once and throttles the fifth. */
    static final int REQUESTS_PER_MAILBOX = 4;

    private final HttpClient client = RetryingJsonClient.newHttpClient();
    private final Map<String, Semaphore> mailboxes = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "calsync.microsoft.first-back-off-ms", defaultValue = "1000")
    long firstBackOffMs;

    /** Told of the waits this kind of calendar imposes; the container connects it to the metrics. */
    ThrottlePauses pauses = ThrottlePauses.NONE;

    public GraphCalendarProvider() {
        // for CDI
    }

    /** Outside a container: tests and benchmarks. */
    public GraphCalendarProvider(long firstBackOffMs) {
        this.firstBackOffMs = firstBackOffMs;
    }

    @Inject
    void reportPausesTo(SyncMetrics metrics) {
        pauses = wait -> metrics.throttled(type(), wait);
    }

    @Override
    public ProviderTraits traits() {
        return Microsoft365Kind.TRAITS;
    }

    @Override
    public List<RemoteCalendar> listCalendars(ProviderConnection connection) {
        return new GraphCalendarList(calls(connection)).calendars();
    }

    @Override
    public ChangeBatch changesSince(ProviderConnection connection, String calendarId, SyncCursor cursor,
            TimeWindow window) {
        return new GraphDeltaReader(calls(connection)).changesSince(calendarId, cursor, window);
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
        writer(connection).delete(remoteId, expectedVersion);
    }

    @Override
    public Map<String, List<BusyInterval>> freeBusy(ProviderConnection connection, List<String> emails,
            TimeWindow window) {
        return new GraphSchedule(calls(connection)).freeBusy(emails, window);
    }

    @Override
    public WatchGrant watch(ProviderConnection connection, String calendarId, WatchRequest request) {
        return new GraphSubscriptions(calls(connection)).watch(calendarId, request);
    }

    @Override
    public WatchGrant renew(ProviderConnection connection, String calendarId, WatchGrant current,
            WatchRequest request) {
        return new GraphSubscriptions(calls(connection)).renew(calendarId, current, request);
    }

    @Override
    public void unwatch(ProviderConnection connection, WatchGrant watch) {
        new GraphSubscriptions(calls(connection)).unwatch(watch);
    }

    private GraphEventWriter writer(ProviderConnection connection) {
        return new GraphEventWriter(calls(connection), Duration.ofMillis(firstBackOffMs));
    }

    /** A client for one operation on the connection's mailbox, sharing that mailbox's four permits. */
    GraphCalls calls(ProviderConnection connection) {
        String mailbox = mailbox(connection).toLowerCase();
        return new GraphCalls(connection, new RetryingJsonClient(client, RULES,
                Duration.ofMillis(firstBackOffMs), mailboxes.computeIfAbsent(mailbox,
                        m -> new Semaphore(REQUESTS_PER_MAILBOX, true)), pauses));
    }

    private static String mailbox(ProviderConnection connection) {
        return connection.actAs() != null ? connection.actAs() : String.valueOf(connection.username());
    }
}

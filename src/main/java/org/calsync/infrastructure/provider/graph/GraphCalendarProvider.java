package org.calsync.infrastructure.provider.graph;

import static org.calsync.infrastructure.provider.graph.GraphErrors.RULES;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.CalendarProvider;
import org.calsync.domain.model.calendar.ChangeBatch;
import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.calendar.PendingWrite;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderTraits;
import org.calsync.domain.model.calendar.RemoteCalendar;
import org.calsync.domain.model.calendar.SyncCursor;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.calendar.VersionConflictException;
import org.calsync.domain.model.calendar.WatchGrant;
import org.calsync.domain.model.calendar.WatchRequest;
import org.calsync.domain.model.calendar.WriteOutcome;
import org.calsync.domain.model.calendar.WriteResult;
import org.calsync.infrastructure.provider.rest.Addresses;
import org.calsync.infrastructure.provider.rest.ChangeCollector;
import org.calsync.infrastructure.provider.rest.JsonAnswer;
import org.calsync.infrastructure.provider.rest.RetryingJsonClient;
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
    /** getSchedule answers for at most 62 days and 20 people per request. */
    static final int SCHEDULE_DAYS = 62;
    static final int SCHEDULE_PEOPLE = 20;
    private static final int PAGE_SIZE = 100;
    /**
     * A delta link keeps the window it started with. Once the requested window has moved on by this much,
     * a full read starts a new one, so the newest days come in.
     */
    static final Duration WINDOW_DRIFT = Duration.ofDays(7);

    /** The longest a subscription to Outlook events may run; it must be renewed before then. */
    static final Duration LONGEST_SUBSCRIPTION = Duration.ofMinutes(4230);

    private final HttpClient client = RetryingJsonClient.newHttpClient();
    private final Map<String, Semaphore> mailboxes = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "calsync.microsoft.first-back-off-ms", defaultValue = "1000")
    long firstBackOffMs;

    public GraphCalendarProvider() {
        // for CDI
    }

    /** Outside a container: tests and benchmarks. */
    public GraphCalendarProvider(long firstBackOffMs) {
        this.firstBackOffMs = firstBackOffMs;
    }

    @Override
    public ProviderTraits traits() {
        return Microsoft365Kind.TRAITS;
    }

    /** A client for one operation on the connection's mailbox, sharing that mailbox's four permits. */
    GraphCalls calls(ProviderConnection connection) {
        String mailbox = mailbox(connection).toLowerCase();
        return new GraphCalls(connection, new RetryingJsonClient(client, RULES,
                Duration.ofMillis(firstBackOffMs), mailboxes.computeIfAbsent(mailbox,
                        m -> new Semaphore(REQUESTS_PER_MAILBOX, true))));
    }

    private static String mailbox(ProviderConnection connection) {
        return connection.actAs() != null ? connection.actAs() : String.valueOf(connection.username());
    }

    @Override
    public List<RemoteCalendar> listCalendars(ProviderConnection connection) {
        GraphCalls graph = calls(connection);
        List<RemoteCalendar> calendars = new ArrayList<>();
        for (JsonObject calendar : graph.everyPage(graph.uri(graph.user() + "/calendars",
                Map.of("$select", "id,name,canEdit,isDefaultCalendar")), "list calendars")) {
            calendars.add(new RemoteCalendar(calendar.getString("id"), calendar.getString("name", calendar.getString("id")),
                    calendar.getBoolean("canEdit", false), true));
        }
        return calendars;
    }

    @Override
    public ChangeBatch changesSince(ProviderConnection connection, String calendarId, SyncCursor cursor,
            TimeWindow window) {
        GraphCalls graph = calls(connection);
        DeltaCursor previous = DeltaCursor.parse(cursor);
        if (previous != null && previous.canContinue(window, graph)) {
            ChangeBatch incremental = read(graph, URI.create(previous.deltaLink()), previous.windowEnd(), window, false);
            if (incremental != null) {
                return incremental;
            }
        }
        // The first read, an expired delta link (410), or a window that has moved on: everything in the window.
        URI start = graph.uri(graph.calendarPath(calendarId) + "/calendarView/delta",
                Map.of("startDateTime", window.from().toString(), "endDateTime", window.to().toString()));
        return read(graph, start, window.to(), window, true);
    }

    /** Follows the next links to the delta link; null when Graph says the delta link is gone (410). */
    private static ChangeBatch read(GraphCalls graph, URI first, Instant windowEnd, TimeWindow window, boolean fullRead) {
        ChangeCollector items = new ChangeCollector(RULES.service());
        URI next = first;
        String deltaLink = null;
        while (next != null) {
            JsonAnswer answer = graph.get(next, "odata.maxpagesize=" + PAGE_SIZE);
            if (answer.status() == 410 && !fullRead) {
                return null;
            }
            JsonObject page = RULES.succeeded(answer, "read events").json();
            for (JsonValue value : GraphCalls.values(page)) {
                items.add(value, item -> item.containsKey("@removed"),
                        item -> GraphEvents.fromJson(item, graph.connection().ownerZone(), window));
            }
            next = graph.followable(page.getString("@odata.nextLink", null));
            deltaLink = page.getString("@odata.deltaLink", deltaLink);
        }
        SyncCursor cursor = deltaLink == null ? SyncCursor.NONE : new DeltaCursor(windowEnd, deltaLink).asCursor();
        return items.batch(cursor, fullRead, graph.requests());
    }

    @Override
    public WriteResult put(ProviderConnection connection, String calendarId, OutgoingEvent event, String expectedVersion) {
        GraphCalls graph = calls(connection);
        Write write = plan(graph, calendarId, graph.findOurs(calendarId, event.uid()), new PendingWrite(event, expectedVersion));
        GraphBatch.Request request = write.request();
        return result(graph.send(request.method(), graph.uri(request.relativeUrl(), Map.of()), request.body().toString(),
                request.headers()), write, event);
    }

    /**
     * A burst through {@code $batch}: one batch finds CalSync's events by UID, a second writes them, 20 writes
     * to a request each time, so 1,000 writes cost 100 requests instead of 2,000.
     */
    @Override
    public List<WriteOutcome> putAll(ProviderConnection connection, String calendarId, List<PendingWrite> writes) {
        GraphCalls graph = calls(connection);
        GraphBatch batch = new GraphBatch(graph, Duration.ofMillis(firstBackOffMs));
        String events = graph.calendarPath(calendarId) + "/events?";
        List<JsonAnswer> found = batch.send(writes.stream().map(write -> new GraphBatch.Request("GET",
                events + Addresses.query(GraphCalls.ourEventQuery(write.event().uid())), null, Map.of())).toList());
        WriteOutcome[] outcomes = new WriteOutcome[writes.size()];
        List<Integer> planned = new ArrayList<>();
        List<Write> planning = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            try {
                JsonAnswer lookup = RULES.succeeded(found.get(i), "find an event");
                List<JsonObject> ours = GraphCalls.objects(lookup.json());
                planning.add(plan(graph, calendarId, ours.isEmpty() ? null : ours.get(0), writes.get(i)));
                planned.add(i);
            } catch (RuntimeException e) {
                outcomes[i] = WriteOutcome.failed(e);
            }
        }
        List<JsonAnswer> written = batch.send(planning.stream().map(Write::request).toList());
        for (int j = 0; j < planned.size(); j++) {
            int i = planned.get(j);
            try {
                outcomes[i] = WriteOutcome.written(result(written.get(j), planning.get(j), writes.get(i).event()));
            } catch (RuntimeException e) {
                outcomes[i] = WriteOutcome.failed(e);
            }
        }
        return List.of(outcomes);
    }

    /** A create or an update, decided from what is there; never an update over an edit made since our write. */
    private record Write(GraphBatch.Request request, boolean creates) {
    }

    private static Write plan(GraphCalls graph, String calendarId, JsonObject existing, PendingWrite write) {
        JsonObject body = GraphEvents.toJson(write.event());
        String uid = write.event().uid();
        if (existing == null) {
            if (write.expectedVersion() != null) {
                throw new VersionConflictException("The event " + uid + " was deleted in Microsoft 365.");
            }
            return new Write(new GraphBatch.Request("POST", graph.calendarPath(calendarId) + "/events",
                    body, Map.of()), true);
        }
        String found = existing.getString("@odata.etag", null);
        if (write.expectedVersion() != null && !write.expectedVersion().equals(found)) {
            throw new VersionConflictException("The event " + uid + " was changed in Microsoft 365.");
        }
        // If-Match: the event must still be as found, or an edit made in between would be lost.
        return new Write(new GraphBatch.Request("PATCH", graph.eventPath(existing.getString("id")), body,
                found == null ? Map.of() : Map.of("If-Match", found)), false);
    }

    private static WriteResult result(JsonAnswer answer, Write write, OutgoingEvent event) {
        if (!write.creates() && (answer.status() == 412 || answer.status() == 404)) {
            throw new VersionConflictException("The event " + event.uid() + " was changed in Microsoft 365.");
        }
        JsonObject written = RULES.succeeded(answer, write.creates() ? "create an event" : "update an event").json();
        return new WriteResult(written.getString("id"), written.getString("@odata.etag", answer.etag()), write.creates());
    }

    @Override
    public void delete(ProviderConnection connection, String calendarId, String remoteId, String expectedVersion) {
        GraphCalls graph = calls(connection);
        JsonAnswer answer = graph.send("DELETE", graph.eventUri(remoteId), null,
                expectedVersion == null ? Map.of() : Map.of("If-Match", expectedVersion));
        if (answer.status() == 412) {
            throw new VersionConflictException("The event " + remoteId + " was changed in Microsoft 365.");
        }
        if (answer.status() != 404) {
            RULES.succeeded(answer, "delete an event");
        }
    }

    /**
     * Busy times from getSchedule, which answers for whole chunks of people (20) and days (62) at once,
     * including people who never linked a calendar; someone outside the organisation comes back with an
     * error and is left out.
     */
    @Override
    public Map<String, List<BusyInterval>> freeBusy(ProviderConnection connection, List<String> emails, TimeWindow window) {
        GraphCalls graph = calls(connection);
        Map<String, List<BusyInterval>> busy = new HashMap<>();
        URI schedule = graph.uri(graph.user() + "/calendar/getSchedule", Map.of());
        for (int from = 0; from < emails.size(); from += SCHEDULE_PEOPLE) {
            List<String> people = emails.subList(from, Math.min(emails.size(), from + SCHEDULE_PEOPLE));
            Map<String, List<BusyInterval>> found = new LinkedHashMap<>();
            for (Instant start = window.from(); start.isBefore(window.to()); start = start.plus(SCHEDULE_DAYS, ChronoUnit.DAYS)) {
                Instant end = min(start.plus(SCHEDULE_DAYS, ChronoUnit.DAYS), window.to());
                String request = scheduleRequest(people, start, end);
                JsonObject answer = RULES.succeeded(graph.send("POST", schedule, request, Map.of()), "read free/busy").json();
                for (JsonValue value : GraphCalls.values(answer)) {
                    JsonObject person = value.asJsonObject();
                    if (!person.containsKey("error") && person.containsKey("scheduleId")) {
                        List<BusyInterval> times = found.computeIfAbsent(person.getString("scheduleId").toLowerCase(),
                                k -> new ArrayList<>());
                        times.addAll(scheduleItems(person, connection));
                    }
                }
            }
            for (String email : people) {
                List<BusyInterval> times = found.get(email.toLowerCase());
                if (times != null) {
                    busy.put(email, times);
                }
            }
        }
        return busy;
    }

    private static String scheduleRequest(List<String> people, Instant start, Instant end) {
        JsonArrayBuilder schedules = Json.createArrayBuilder();
        people.forEach(schedules::add);
        return Json.createObjectBuilder().add("schedules", schedules)
                .add("startTime", GraphEvents.time(start, ZoneOffset.UTC))
                .add("endTime", GraphEvents.time(end, ZoneOffset.UTC))
                .add("availabilityViewInterval", 60).build().toString();
    }

    /** Tentative, busy, out-of-office and unknown block time; free and working elsewhere do not. */
    private static List<BusyInterval> scheduleItems(JsonObject person, ProviderConnection connection) {
        List<BusyInterval> times = new ArrayList<>();
        if (!person.containsKey("scheduleItems")) {
            return times;
        }
        for (JsonObject item : person.getJsonArray("scheduleItems").getValuesAs(JsonObject.class)) {
            String status = item.getString("status", "busy");
            if (!"free".equals(status) && !"workingElsewhere".equals(status)) {
                Instant start = GraphEvents.instant(item.getJsonObject("start"), false, connection.ownerZone(), "start");
                Instant end = GraphEvents.instant(item.getJsonObject("end"), false, connection.ownerZone(), "end");
                times.add(new BusyInterval(start, end, isWholeDays(start, end, connection)));
            }
        }
        return times;
    }

    private static boolean isWholeDays(Instant start, Instant end, ProviderConnection connection) {
        LocalDate first = LocalDate.ofInstant(start, connection.ownerZone());
        return first.atStartOfDay(connection.ownerZone()).toInstant().equals(start)
                && LocalDate.ofInstant(end, connection.ownerZone()).atStartOfDay(connection.ownerZone()).toInstant().equals(end)
                && end.isAfter(start);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Where a read got to: the delta link and the end of the window it was started for. */
    record DeltaCursor(Instant windowEnd, String deltaLink) {

        static DeltaCursor parse(SyncCursor cursor) {
            if (cursor.isNone()) {
                return null;
            }
            String[] parts = cursor.value().split(" ", 2);
            try {
                return parts.length == 2 ? new DeltaCursor(Instant.parse(parts[0]), parts[1]) : null;
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }

        SyncCursor asCursor() {
            return new SyncCursor(windowEnd + " " + deltaLink);
        }

        /** Still usable: the window has not moved on much, and the link goes where the token may be sent. */
        boolean canContinue(TimeWindow window, GraphCalls graph) {
            return !window.to().isAfter(windowEnd.plus(WINDOW_DRIFT)) && graph.followable(deltaLink) != null;
        }
    }

    /**
     * A subscription to the calendar's events. Graph first calls the address with a validation token, which
     * CalSync must echo within ten seconds, so this only succeeds when Graph can reach CalSync. Lifecycle
     * notifications (a subscription removed, notifications missed) go to the same address.
     */
    @Override
    public WatchGrant watch(ProviderConnection connection, String calendarId, WatchRequest request) {
        GraphCalls graph = calls(connection);
        String body = Json.createObjectBuilder().add("changeType", "created,updated,deleted")
                .add("notificationUrl", request.address()).add("lifecycleNotificationUrl", request.address())
                .add("resource", resource(connection, calendarId))
                .add("expirationDateTime", subscriptionEnd(request.until()))
                .add("clientState", request.secret()).build().toString();
        JsonObject created = RULES.succeeded(graph.send("POST", graph.uri("subscriptions", Map.of()), body, Map.of()),
                "subscribe to changes").json();
        return new WatchGrant(created.getString("id"), null, expiry(created));
    }

    /** Extends the subscription; one Graph no longer knows (removed, or expired meanwhile) is made anew. */
    @Override
    public WatchGrant renew(ProviderConnection connection, String calendarId, WatchGrant current, WatchRequest request) {
        GraphCalls graph = calls(connection);
        String body = Json.createObjectBuilder().add("expirationDateTime", subscriptionEnd(request.until())).build()
                .toString();
        JsonAnswer answer = graph.send("PATCH", subscription(graph, current), body, Map.of());
        if (answer.status() == 404) {
            return watch(connection, calendarId, request);
        }
        return new WatchGrant(current.remoteId(), null, expiry(RULES.succeeded(answer, "renew a subscription").json()));
    }

    @Override
    public void unwatch(ProviderConnection connection, WatchGrant watch) {
        GraphCalls graph = calls(connection);
        JsonAnswer answer = graph.send("DELETE", subscription(graph, watch), null, Map.of());
        if (answer.status() != 404) {
            RULES.succeeded(answer, "end a subscription");
        }
    }

    /** What the subscription watches: a resource path, written as Graph's reference writes it (not URL-encoded). */
    private static String resource(ProviderConnection connection, String calendarId) {
        return (connection.actAs() == null ? "me" : "users/" + connection.actAs()) + "/calendars/" + calendarId + "/events";
    }

    private static URI subscription(GraphCalls graph, WatchGrant watch) {
        return graph.uri("subscriptions/" + Addresses.encode(watch.remoteId()), Map.of());
    }

    /** What was asked for, but never beyond what Graph allows (with a minute to spare for clock skew). */
    private static String subscriptionEnd(Instant until) {
        Instant longest = Instant.now().plus(LONGEST_SUBSCRIPTION).minus(Duration.ofMinutes(1));
        return (until.isAfter(longest) ? longest : until).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Instant expiry(JsonObject subscription) {
        return OffsetDateTime.parse(subscription.getString("expirationDateTime")).toInstant();
    }
}

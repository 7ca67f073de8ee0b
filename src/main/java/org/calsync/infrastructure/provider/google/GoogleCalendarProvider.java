package org.calsync.infrastructure.provider.google;

import static org.calsync.infrastructure.provider.google.GoogleErrors.RULES;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * Google Calendar through the Calendar API v3. The connection's server is the API's base address and its
 * secret the access token. Pulls are incremental with sync tokens (a 410 means a full read of the window);
 * recurring series come expanded (singleEvents), so a moved or cancelled occurrence is an event of its own.
 */
@ApplicationScoped
public class GoogleCalendarProvider implements CalendarProvider {

    private static final int PAGE_SIZE = 250;
    /** freeBusy.query answers for at most 50 calendars at once. */
    private static final int FREE_BUSY_CHUNK = 50;

    private final HttpClient client = RetryingJsonClient.newHttpClient();

    @Inject
    @ConfigProperty(name = "calsync.google.first-back-off-ms", defaultValue = "1000")
    long firstBackOffMs;

    public GoogleCalendarProvider() {
        // for CDI
    }

    /** For tests outside a container. */
    GoogleCalendarProvider(long firstBackOffMs) {
        this.firstBackOffMs = firstBackOffMs;
    }

    @Override
    public ProviderTraits traits() {
        return GoogleKind.TRAITS;
    }

    private RetryingJsonClient http() {
        return new RetryingJsonClient(client, RULES, Duration.ofMillis(firstBackOffMs));
    }

    private static JsonAnswer send(RetryingJsonClient http, ProviderConnection connection, String method, URI uri,
            String body, String ifMatch) {
        return http.send(connection.secret(), method, uri, body, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    @Override
    public List<RemoteCalendar> listCalendars(ProviderConnection connection) {
        RetryingJsonClient http = http();
        List<RemoteCalendar> calendars = new ArrayList<>();
        String pageToken = null;
        do {
            JsonObject page = RULES.succeeded(send(http, connection, "GET", uri(connection, "users/me/calendarList",
                    pageToken == null ? Map.of() : Map.of("pageToken", pageToken)), null, null), "list calendars").json();
            for (JsonValue value : items(page)) {
                JsonObject item = value.asJsonObject();
                String role = item.getString("accessRole", "reader");
                boolean writable = "owner".equals(role) || "writer".equals(role);
                // Calendars that only show free/busy cannot be read event by event.
                if (!"freeBusyReader".equals(role)) {
                    calendars.add(new RemoteCalendar(item.getString("id"), item.getString("summaryOverride",
                            item.getString("summary", item.getString("id"))), writable, true));
                }
            }
            pageToken = page.getString("nextPageToken", null);
        } while (pageToken != null);
        return calendars;
    }

    @Override
    public ChangeBatch changesSince(ProviderConnection connection, String calendarId, SyncCursor cursor,
            TimeWindow window) {
        RetryingJsonClient http = http();
        if (!cursor.isNone()) {
            ChangeBatch incremental = read(http, connection, calendarId, Map.of("syncToken", cursor.value()), window, false);
            if (incremental != null) {
                return incremental;
            }
        }
        // The first read, or the token expired (410): everything in the window.
        return read(http, connection, calendarId, Map.of("timeMin", window.from().toString(),
                "timeMax", window.to().toString()), window, true);
    }

    /** Reads every page; null when Google says the sync token is gone (410). */
    private ChangeBatch read(RetryingJsonClient http, ProviderConnection connection, String calendarId,
            Map<String, String> query, TimeWindow window, boolean fullRead) {
        ChangeCollector items = new ChangeCollector(RULES.service());
        String pageToken = null;
        String nextSyncToken = null;
        do {
            Map<String, String> parameters = new LinkedHashMap<>(query);
            parameters.put("singleEvents", "true");
            parameters.put("maxResults", String.valueOf(PAGE_SIZE));
            if (fullRead) {
                parameters.put("showDeleted", "false");
            }
            if (pageToken != null) {
                parameters.put("pageToken", pageToken);
            }
            JsonAnswer answer = send(http, connection, "GET",
                    uri(connection, events(calendarId), parameters), null, null);
            if (answer.status() == 410 && !fullRead) {
                return null;
            }
            JsonObject page = RULES.succeeded(answer, "read events").json();
            for (JsonValue value : items(page)) {
                items.add(value, item -> "cancelled".equals(item.getString("status", "confirmed")),
                        item -> GoogleEvents.fromJson(item, connection.ownerZone(), window));
            }
            pageToken = page.getString("nextPageToken", null);
            nextSyncToken = page.getString("nextSyncToken", nextSyncToken);
        } while (pageToken != null);
        return items.batch(new SyncCursor(nextSyncToken), fullRead, http.requests());
    }

    @Override
    public WriteResult put(ProviderConnection connection, String calendarId, OutgoingEvent event, String expectedVersion) {
        RetryingJsonClient http = http();
        String body = GoogleEvents.toJson(event);
        String eventId = GoogleEvents.eventIdOf(event.uid());
        URI events = uri(connection, events(calendarId), Map.of());
        URI resource = uri(connection, events(calendarId) + "/" + eventId, Map.of());
        if (expectedVersion == null) {
            JsonAnswer created = send(http, connection, "POST", events, body, null);
            if (created.status() != 409) {
                return written(RULES.succeeded(created, "create an event"), true);
            }
            // 409: the id exists, written before a crash or a lost answer. It is ours: replace it.
        }
        return replaced(send(http, connection, "PUT", resource, body, expectedVersion), event, expectedVersion);
    }

    /** What a replacement answered; never a write over an edit made in Google since ours. */
    private static WriteResult replaced(JsonAnswer answer, OutgoingEvent event, String expectedVersion) {
        if (answer.status() == 412 || expectedVersion != null && (answer.status() == 404 || answer.status() == 410)) {
            throw new VersionConflictException("The event " + event.uid() + " was changed in Google Calendar.");
        }
        return written(RULES.succeeded(answer, "update an event"), false);
    }

    /**
     * A burst through Google's batch endpoint, 50 writes a request, decided as {@link #put} decides one:
     * creates go in under the id our UID gives; those Google already has (409, written before a crash or a
     * lost answer) are replaced in a second batch.
     */
    @Override
    public List<WriteOutcome> putAll(ProviderConnection connection, String calendarId, List<PendingWrite> writes) {
        GoogleBatch batch = new GoogleBatch(http(), connection, Duration.ofMillis(firstBackOffMs));
        List<JsonAnswer> first = batch.send(writes.stream().map(write -> write.expectedVersion() == null
                ? new GoogleBatch.Call("POST", uri(connection, events(calendarId), Map.of()),
                        GoogleEvents.toJson(write.event()), null)
                : replacement(connection, calendarId, write)).toList());
        List<Integer> existed = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            if (writes.get(i).expectedVersion() == null && first.get(i).status() == 409) {
                existed.add(i);
            }
        }
        List<JsonAnswer> second = batch.send(existed.stream().map(i -> replacement(connection, calendarId, writes.get(i)))
                .toList());
        List<WriteOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            PendingWrite write = writes.get(i);
            int replacedAt = existed.indexOf(i);
            try {
                outcomes.add(WriteOutcome.written(write.expectedVersion() == null && replacedAt < 0
                        ? written(RULES.succeeded(first.get(i), "create an event"), true)
                        : replaced(replacedAt < 0 ? first.get(i) : second.get(replacedAt), write.event(),
                                write.expectedVersion())));
            } catch (RuntimeException e) {
                outcomes.add(WriteOutcome.failed(e));
            }
        }
        return outcomes;
    }

    private static GoogleBatch.Call replacement(ProviderConnection connection, String calendarId, PendingWrite write) {
        String eventId = GoogleEvents.eventIdOf(write.event().uid());
        return new GoogleBatch.Call("PUT", uri(connection, events(calendarId) + "/" + eventId, Map.of()),
                GoogleEvents.toJson(write.event()), write.expectedVersion());
    }

    private static WriteResult written(JsonAnswer answer, boolean created) {
        JsonObject event = answer.json();
        return new WriteResult(event.getString("id"), event.getString("etag", answer.etag()), created);
    }

    @Override
    public void delete(ProviderConnection connection, String calendarId, String remoteId, String expectedVersion) {
        JsonAnswer answer = send(http(), connection, "DELETE",
                uri(connection, events(calendarId) + "/" + Addresses.encode(remoteId), Map.of()), null,
                expectedVersion);
        if (answer.status() == 412) {
            throw new VersionConflictException("The event " + remoteId + " was changed in Google Calendar.");
        }
        if (answer.status() != 404 && answer.status() != 410) {
            RULES.succeeded(answer, "delete an event");
        }
    }

    @Override
    public Map<String, List<BusyInterval>> freeBusy(ProviderConnection connection, List<String> emails, TimeWindow window) {
        RetryingJsonClient http = http();
        Map<String, List<BusyInterval>> busy = new HashMap<>();
        for (int from = 0; from < emails.size(); from += FREE_BUSY_CHUNK) {
            List<String> chunk = emails.subList(from, Math.min(emails.size(), from + FREE_BUSY_CHUNK));
            JsonArrayBuilder items = Json.createArrayBuilder();
            chunk.forEach(email -> items.add(Json.createObjectBuilder().add("id", email)));
            String body = Json.createObjectBuilder().add("timeMin", window.from().toString())
                    .add("timeMax", window.to().toString()).add("items", items).build().toString();
            JsonObject answer = RULES.succeeded(send(http, connection, "POST", uri(connection, "freeBusy", Map.of()), body,
                    null), "read free/busy").json();
            JsonObject calendars = answer.getJsonObject("calendars");
            for (String email : chunk) {
                JsonObject calendar = calendars == null ? null : calendars.getJsonObject(email);
                // A calendar with errors (notFound, noAccess) is someone Google cannot answer for: left out.
                if (calendar != null && (calendar.getJsonArray("errors") == null || calendar.getJsonArray("errors").isEmpty())) {
                    busy.put(email, calendar.getJsonArray("busy") == null ? List.of()
                            : calendar.getJsonArray("busy").stream().map(JsonValue::asJsonObject)
                                    .map(b -> new BusyInterval(Instant.parse(b.getString("start")),
                                            Instant.parse(b.getString("end")), false)).toList());
                }
            }
        }
        return busy;
    }

    /**
     * A notification channel on the calendar's events. Google cannot extend a channel, so renewing opens a
     * new one (the port's default) under a new channel id, and stops the old.
     */
    @Override
    public WatchGrant watch(ProviderConnection connection, String calendarId, WatchRequest request) {
        long ttl = Math.max(60, Duration.between(Instant.now(), request.until()).toSeconds());
        String body = Json.createObjectBuilder().add("id", UUID.randomUUID().toString()).add("type", "web_hook")
                .add("address", request.address()).add("token", request.secret())
                .add("params", Json.createObjectBuilder().add("ttl", String.valueOf(ttl))).build().toString();
        URI watch = uri(connection, events(calendarId) + "/watch", Map.of());
        JsonObject channel = RULES.succeeded(send(http(), connection, "POST", watch, body, null), "watch a calendar").json();
        // The expiration is milliseconds since the epoch, as a string; without one the channel lives as asked.
        String expiration = channel.getString("expiration", null);
        return new WatchGrant(channel.getString("id"), channel.getString("resourceId"),
                expiration == null ? request.until() : Instant.ofEpochMilli(Long.parseLong(expiration)));
    }

    @Override
    public void unwatch(ProviderConnection connection, WatchGrant watch) {
        String body = Json.createObjectBuilder().add("id", watch.remoteId())
                .add("resourceId", String.valueOf(watch.resourceId())).build().toString();
        JsonAnswer answer = send(http(), connection, "POST", uri(connection, "channels/stop", Map.of()), body, null);
        if (answer.status() != 404) {
            RULES.succeeded(answer, "stop watching a calendar");
        }
    }

    /** A page's items; Google leaves the member out when there are none. */
    private static List<JsonValue> items(JsonObject page) {
        return page.containsKey("items") ? page.getJsonArray("items") : List.of();
    }

    /** The path of a calendar's events collection. */
    private static String events(String calendarId) {
        return "calendars/" + Addresses.encode(calendarId) + "/events";
    }

    private static URI uri(ProviderConnection connection, String path, Map<String, String> query) {
        return Addresses.under(connection.server(), path, query);
    }
}

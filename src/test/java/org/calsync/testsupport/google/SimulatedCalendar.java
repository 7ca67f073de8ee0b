package org.calsync.testsupport.google;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * One calendar of the simulator: events by id, each remembering the change sequence that last touched it.
 * Synchronized: the simulator's server threads write while a test reads.
 */
public final class SimulatedCalendar {

    final String id;
    final String summary;
    final String accessRole;
    private final Map<String, Stored> events = new LinkedHashMap<>();
    private int generatedIds;
    /** Told of every change, as Google tells a channel: something in the collection changed. */
    Runnable changeListener = () -> { };

    private record Stored(JsonObject event, int changedAt) {
    }

    SimulatedCalendar(String id, String summary, String accessRole) {
        this.id = id;
        this.summary = summary;
        this.accessRole = accessRole;
    }

    synchronized JsonObject listEntry() {
        return Json.createObjectBuilder().add("kind", "calendar#calendarListEntry").add("etag", "\"" + id.hashCode() + "\"")
                .add("id", id).add("summary", summary).add("timeZone", "Europe/Paris").add("accessRole", accessRole)
                .add("primary", "owner".equals(accessRole)).build();
    }

    /** Stores the event with a new etag and the server's own fields, as Google does on every write. */
    synchronized JsonObject store(JsonObject event, int sequence) {
        String eventId = event.getString("id", null);
        if (eventId == null) {
            eventId = "gen" + (++generatedIds) + "x" + Integer.toString(sequence, 32);
        }
        JsonObject stored = Json.createObjectBuilder(event).add("kind", "calendar#event").add("id", eventId)
                .add("etag", "\"" + (3_000_000_000L + sequence) + "\"").add("status", event.getString("status", "confirmed"))
                .add("iCalUID", event.getString("iCalUID", eventId + "@google.com"))
                .add("updated", Instant.now().toString()).add("htmlLink", "https://www.google.com/calendar/event?eid=" + eventId)
                .build();
        events.put(eventId, new Stored(stored, sequence));
        changeListener.run();
        return stored;
    }

    synchronized void delete(String eventId, int sequence) {
        JsonObject current = events.get(eventId).event();
        events.put(eventId, new Stored(Json.createObjectBuilder().add("kind", "calendar#event").add("id", eventId)
                .add("etag", "\"" + (3_000_000_000L + sequence) + "\"").add("status", "cancelled")
                .add("start", current.getJsonObject("start")).add("end", current.getJsonObject("end")).build(), sequence));
        changeListener.run();
    }

    synchronized JsonObject find(String eventId) {
        Stored stored = events.get(eventId);
        return stored == null ? null : stored.event();
    }

    /** Live events (not deleted ones), for assertions. */
    public synchronized List<JsonObject> events() {
        return events.values().stream().map(Stored::event).filter(e -> !"cancelled".equals(e.getString("status")))
                .toList();
    }

    synchronized List<JsonObject> changedSince(int since, boolean showDeleted, Instant timeMin, Instant timeMax) {
        return events.values().stream().filter(s -> s.changedAt() > since)
                .filter(s -> showDeleted || !"cancelled".equals(s.event().getString("status")))
                .filter(s -> timeMin == null || end(s.event()).isAfter(timeMin))
                .filter(s -> timeMax == null || start(s.event()).isBefore(timeMax))
                .sorted(Comparator.comparingInt(Stored::changedAt)).map(Stored::event).toList();
    }

    private static Instant start(JsonObject event) {
        return instant(event.getJsonObject("start"));
    }

    private static Instant end(JsonObject event) {
        return instant(event.getJsonObject("end"));
    }

    private static Instant instant(JsonObject time) {
        return time.containsKey("dateTime") ? OffsetDateTime.parse(time.getString("dateTime")).toInstant()
                : LocalDate.parse(time.getString("date")).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}

package org.calsync.testsupport.graph;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.nio.charset.StandardCharsets;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import com.ibm.icu.util.TimeZone;

/**
 * One calendar of a simulated mailbox: events by id, each remembering the change that last touched it,
 * with times kept as instants and shown in whatever zone the caller prefers, as Exchange Online does.
 * Synchronized: the simulator's server threads write while a test reads.
 */
public final class GraphCalendarStore {

    /** How Graph writes a dateTime: seconds always, and seven digits of fraction. */
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");

    final String id;
    final String name;
    final boolean canEdit;
    private final Map<String, Stored> events = new LinkedHashMap<>();
    private int generatedIds;
    /** Told of every change: the event's id and Graph's change type (created, updated, deleted). */
    BiConsumer<String, String> changeListener = (eventId, changeType) -> { };

    /** An event as stored: its body without times, its times, and the change sequence that last touched it. */
    private record Stored(JsonObject event, Instant start, Instant end, boolean allDay, int changedAt, boolean deleted) {
    }

    GraphCalendarStore(String id, String name, boolean canEdit) {
        this.id = id;
        this.name = name;
        this.canEdit = canEdit;
    }

    synchronized JsonObject listEntry() {
        return Json.createObjectBuilder().add("id", id).add("name", name).add("canEdit", canEdit)
                .add("isDefaultCalendar", "Calendar".equals(name)).build();
    }

    /** Stores a create or a full replacement with a new change key, as Exchange does on every write. */
    synchronized String store(String eventId, JsonObject event, int sequence) {
        String stored = eventId != null ? eventId : newId(sequence);
        boolean allDay = event.getBoolean("isAllDay", false);
        // All-day events are days, not instants: their midnights are kept as they were written.
        Instant start = allDay ? utcMidnight(event.getJsonObject("start")) : instant(event.getJsonObject("start"));
        Instant end = allDay ? utcMidnight(event.getJsonObject("end")) : instant(event.getJsonObject("end"));
        JsonObjectBuilder body = Json.createObjectBuilder(event).remove("start").remove("end").add("id", stored)
                .add("changeKey", changeKey(sequence)).add("@odata.etag", "W/\"" + changeKey(sequence) + "\"")
                .add("lastModifiedDateTime", Instant.now().toString())
                .add("iCalUId", event.getString("iCalUId", "040000008200E00074C5B7101A82E008" + stored.hashCode()))
                .add("type", event.getString("type", "singleInstance"))
                .add("originalStartTimeZone", event.getJsonObject("start").getString("timeZone", "UTC"));
        boolean created = !events.containsKey(stored);
        events.put(stored, new Stored(body.build(), start, end, allDay, sequence, false));
        changeListener.accept(stored, created ? "created" : "updated");
        return stored;
    }

    /** Applies a PATCH: the given members replace the stored ones. */
    synchronized String patch(String eventId, JsonObject changes, int sequence) {
        Stored current = events.get(eventId);
        JsonObjectBuilder merged = Json.createObjectBuilder(render(current, ZoneId.of("UTC"), "UTC"));
        changes.forEach(merged::add);
        return store(eventId, merged.build(), sequence);
    }

    synchronized void delete(String eventId, int sequence) {
        Stored current = events.get(eventId);
        events.put(eventId, new Stored(current.event(), current.start(), current.end(), current.allDay(), sequence, true));
        changeListener.accept(eventId, "deleted");
    }

    synchronized boolean isLive(String eventId) {
        Stored stored = events.get(eventId);
        return stored != null && !stored.deleted();
    }

    /** singleInstance, occurrence, exception or seriesMaster. */
    synchronized String typeOf(String eventId) {
        return events.get(eventId).event().getString("type");
    }

    synchronized String etagOf(String eventId) {
        return events.get(eventId).event().getString("@odata.etag");
    }

    synchronized JsonObject render(String eventId, String zoneName) {
        return render(events.get(eventId), zoneOf(zoneName), zoneName);
    }

    /** The event with its times in the zone asked for. */
    private static JsonObject render(Stored stored, ZoneId zone, String zoneName) {
        return Json.createObjectBuilder(stored.event()).add("isAllDay", stored.allDay())
                .add("start", time(stored.start(), stored.allDay(), zone, zoneName))
                .add("end", time(stored.end(), stored.allDay(), zone, zoneName)).build();
    }

    private static JsonObject time(Instant instant, boolean allDay, ZoneId zone, String zoneName) {
        // An all-day event is a run of days: its midnights are shown as such in any zone.
        LocalDateTime local = LocalDateTime.ofInstant(instant, allDay ? ZoneId.of("UTC") : zone);
        return Json.createObjectBuilder().add("dateTime", DATE_TIME.format(local)).add("timeZone", zoneName).build();
    }

    /** Live events with this iCalUId. */
    synchronized List<JsonObject> withICalUId(String iCalUId, String zoneName) {
        return events.values().stream().filter(s -> !s.deleted() && iCalUId.equals(s.event().getString("iCalUId")))
                .map(s -> render(s, zoneOf(zoneName), zoneName)).toList();
    }

    /** Events with their ids whose values match the extended property. */
    synchronized List<JsonObject> withProperty(String propertyId, String value, String zoneName) {
        List<JsonObject> found = new ArrayList<>();
        events.forEach((eventId, stored) -> {
            if (!stored.deleted() && stored.event().containsKey("singleValueExtendedProperties")) {
                for (JsonValue property : stored.event().getJsonArray("singleValueExtendedProperties")) {
                    JsonObject p = property.asJsonObject();
                    if (p.getString("id").equalsIgnoreCase(propertyId) && p.getString("value").equals(value)) {
                        found.add(render(stored, zoneOf(zoneName), zoneName));
                    }
                }
            }
        });
        return found;
    }

    /**
     * calendarView delta: what changed after {@code since} up to {@code upTo}, inside the window. A full read
     * ({@code since} &lt; 0) lists live events only; an incremental one also reports what was deleted or
     * left the window as {@code @removed}.
     */
    synchronized List<JsonObject> changes(int since, int upTo, Instant from, Instant to, String zoneName) {
        ZoneId zone = zoneOf(zoneName);
        return events.entrySet().stream().filter(e -> e.getValue().changedAt() > since && e.getValue().changedAt() <= upTo)
                .sorted(Comparator.comparingInt(e -> e.getValue().changedAt())).<JsonObject>mapMulti((e, out) -> {
                    Stored stored = e.getValue();
                    boolean inWindow = stored.start().isBefore(to) && stored.end().isAfter(from);
                    if (!stored.deleted() && inWindow) {
                        out.accept(Json.createObjectBuilder(render(stored, zone, zoneName))
                                .add("@odata.type", "#microsoft.graph.event").build());
                    } else if (since >= 0) {
                        out.accept(Json.createObjectBuilder().add("@odata.type", "#microsoft.graph.event")
                                .add("id", e.getKey()).add("@removed", Json.createObjectBuilder().add("reason", "deleted"))
                                .build());
                    }
                }).toList();
    }

    /** Live events with times in UTC, for assertions. */
    public synchronized List<JsonObject> events() {
        return events.values().stream().filter(s -> !s.deleted()).map(s -> render(s, ZoneId.of("UTC"), "UTC")).toList();
    }

    /** Busy intervals of live events that block time, for getSchedule. */
    synchronized List<Instant[]> busyBetween(Instant from, Instant to) {
        return events.values().stream().filter(s -> !s.deleted() && s.start().isBefore(to) && s.end().isAfter(from))
                .filter(s -> !"free".equals(s.event().getString("showAs", "busy")))
                .map(s -> new Instant[] {s.start(), s.end()}).toList();
    }

    private synchronized String newId(int sequence) {
        String raw = "AAMkAGsim" + id.hashCode() + "-" + (++generatedIds) + "-" + sequence;
        return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String changeKey(int sequence) {
        return Base64.getEncoder().encodeToString(("ck" + sequence).getBytes(StandardCharsets.UTF_8));
    }

    /** The instant of a dateTimeTimeZone; the zone in either naming, as Graph accepts both. */
    static Instant instant(JsonObject time) {
        return LocalDateTime.parse(time.getString("dateTime")).atZone(zoneOf(time.getString("timeZone", "UTC")))
                .toInstant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static Instant utcMidnight(JsonObject time) {
        return LocalDateTime.parse(time.getString("dateTime")).toLocalDate().atStartOfDay(ZoneId.of("UTC")).toInstant();
    }

    /** @throws IllegalArgumentException for a zone neither Windows nor IANA knows, as Graph refuses it */
    static ZoneId zoneOf(String name) {
        try {
            return ZoneId.of(name);
        } catch (RuntimeException notIana) {
            String iana = TimeZone.getIDForWindowsID(name, null);
            if (iana == null) {
                throw new IllegalArgumentException("TimeZoneNotSupportedException: A valid TimeZone value must be "
                        + "specified. The following TimeZone value is not supported: '" + name + "'.");
            }
            return ZoneId.of(iana);
        }
    }
}

package org.calsync.infrastructure.provider.graph;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.BusyTime;
import org.calsync.domain.model.calendar.BusyTime.ShowAs;
import org.calsync.domain.model.calendar.HostedMeeting;
import org.calsync.domain.model.tenant.OnlineMeetingKind;
import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.calendar.RemoteEvent;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.infrastructure.provider.ical.ExchangeGlobalObjectId;

/** Translates between Graph event resources and the port's events. */
final class GraphEvents {

    /**
     * Where CalSync's UID is kept: a named property in CalSync's own property set, the same one the EWS
     * adapter writes, so an appointment written through either API is recognised through the other.
     */
    static final String UID_PROPERTY = "String {5b6f1a8e-7c52-4c0e-9d7a-0b8a3c1e2f47} Name CalSyncUid";
    /** Graph's onlineMeetingProvider for a Teams meeting of a work or school account. */
    static final String TEAMS_PROVIDER = "teamsForBusiness";
    /** showAs values that leave the person available. */

    private GraphEvents() {
    }

    /** The body of a create or an update. */
    static JsonObject toJson(OutgoingEvent event) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("subject", event.title())
                .add("body", Json.createObjectBuilder().add("contentType", "text").add("content", event.notes()))
                .add("start", time(event.start(), event.zone()))
                .add("end", time(event.end(), event.zone()))
                .add("showAs", "busy")
                .add("singleValueExtendedProperties", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("id", UID_PROPERTY).add("value", event.uid())));
        if (event.place() != null) {
            body.add("location", Json.createObjectBuilder().add("displayName", event.place()));
        }
        if (event.hostsMeeting() == OnlineMeetingKind.TEAMS) {
            // Graph creates the Teams meeting with the event, and keeps it while the event is updated.
            body.add("isOnlineMeeting", true).add("onlineMeetingProvider", TEAMS_PROVIDER);
        }
        return body.build();
    }

    /**
     * What became of the Teams meeting a written event asked for: Graph answers with its join address, or, for a
     * mailbox that cannot hold Teams meetings (no licence, or meetings turned off), creates the event without one.
     */
    static HostedMeeting hostedMeeting(JsonObject written) {
        JsonValue meeting = written.get("onlineMeeting");
        if (meeting instanceof JsonObject details && details.get("joinUrl") instanceof JsonString joinUrl) {
            return HostedMeeting.created(URI.create(joinUrl.getString()));
        }
        return HostedMeeting.refused("Microsoft 365 wrote the event without a Teams meeting: the account has no "
                + "Teams licence, or Teams meetings are turned off for it.");
    }

    /** A wall-clock time and the zone it is in, as Graph's dateTimeTimeZone. */
    static JsonObjectBuilder time(Instant instant, ZoneId zone) {
        String name = GraphTimeZones.nameOf(zone);
        ZoneId written = GraphTimeZones.zoneOf(name);
        return Json.createObjectBuilder()
                .add("dateTime", LocalDateTime.ofInstant(instant, written).truncatedTo(ChronoUnit.SECONDS).toString())
                .add("timeZone", name);
    }

    /**
     * An event (or one occurrence of a series: calendarView expands them) as the port sees it.
     *
     * @throws IllegalArgumentException when the resource lacks what any event has (id, start, end)
     */
    static RemoteEvent fromJson(JsonObject item, ZoneId ownerZone, TimeWindow window) {
        String id = item.getString("id", null);
        if (id == null) {
            throw new IllegalArgumentException("an event without an id");
        }
        boolean allDay = item.getBoolean("isAllDay", false);
        Instant start = instant(item.getJsonObject("start"), allDay, ownerZone, "start");
        Instant end = instant(item.getJsonObject("end"), allDay, ownerZone, "end");
        String sensitivity = item.getString("sensitivity", "normal");
        boolean privateEvent = "private".equals(sensitivity) || "confidential".equals(sensitivity);
        ShowAs showAs = declinedByOwner(item) ? ShowAs.FREE : showAs(item.getString("showAs", "busy"));
        List<BusyInterval> busy = BusyTime.of(start, end, allDay, showAs, item.getBoolean("isCancelled", false), window)
                .stream().toList();
        return new RemoteEvent(id, uidOf(item), item.getString("@odata.etag", null), busy,
                privateEvent ? null : item.getString("subject", ""), privateEvent);
    }

    /** A meeting the mailbox's owner declined, which Outlook keeps in the calendar: it does not make them busy. */
    static boolean declinedByOwner(JsonObject item) {
        JsonObject response = item.containsKey("responseStatus") && !item.isNull("responseStatus")
                ? item.getJsonObject("responseStatus") : null;
        return response != null && "declined".equals(response.getString("response", ""));
    }

    /**
     * Our UID when the property came with the event, else the iCalendar UID behind Graph's iCalUId: that of an
     * invitation from another calendar (CalSync's emailed ones among them), or the id itself for Outlook's own.
     */
    static String uidOf(JsonObject item) {
        if (item.containsKey("singleValueExtendedProperties")) {
            for (JsonObject property : item.getJsonArray("singleValueExtendedProperties").getValuesAs(JsonObject.class)) {
                if (UID_PROPERTY.equalsIgnoreCase(property.getString("id", ""))) {
                    return property.getString("value");
                }
            }
        }
        String iCalUId = item.getString("iCalUId", null);
        return iCalUId == null ? id(item) : ExchangeGlobalObjectId.thirdPartyUid(iCalUId).orElse(iCalUId);
    }

    private static String id(JsonObject item) {
        return item.getString("id", null);
    }

    /**
     * A dateTimeTimeZone as an instant. An all-day event's times are midnights; they are kept as the
     * owner's days, wherever the server says they are.
     */
    static Instant instant(JsonObject time, boolean allDay, ZoneId ownerZone, String which) {
        if (time == null || !time.containsKey("dateTime")) {
            throw new IllegalArgumentException("an event without " + which);
        }
        try {
            LocalDateTime local = LocalDateTime.parse(time.getString("dateTime"));
            if (allDay) {
                return local.toLocalDate().atStartOfDay(ownerZone).toInstant();
            }
            return local.atZone(GraphTimeZones.zoneOf(time.getString("timeZone", "UTC"))).toInstant();
        } catch (DateTimeParseException | ClassCastException e) {
            throw new IllegalArgumentException("an unreadable " + which + ": " + time);
        }
    }

    /** Graph's showAs; "unknown" and anything newer block the time, as busy does. */
    static ShowAs showAs(String graphShowAs) {
        return switch (graphShowAs) {
            case "free" -> ShowAs.FREE;
            case "workingElsewhere" -> ShowAs.WORKING_ELSEWHERE;
            case "tentative" -> ShowAs.TENTATIVE;
            case "oof" -> ShowAs.OUT_OF_OFFICE;
            default -> ShowAs.BUSY;
        };
    }
}

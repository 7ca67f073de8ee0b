package org.calsync.infrastructure.provider.google;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.JsonObjectBuilder;

import org.calsync.domain.model.calendar.BusyInterval;
import org.calsync.domain.model.calendar.BusyTime;
import org.calsync.domain.model.calendar.BusyTime.ShowAs;
import org.calsync.domain.model.calendar.HostedMeeting;
import org.calsync.domain.model.tenant.OnlineMeetingKind;
import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.calendar.RemoteEvent;
import org.calsync.domain.model.calendar.TimeWindow;

/** Translates between Calendar API event resources and the port's events. */
final class GoogleEvents {

    /** Where CalSync's UID is kept: a private extended property only this app's registration sees. */
    static final String UID_PROPERTY = "calsyncUid";
    private static final char[] BASE32HEX = "0123456789abcdefghijklmnopqrstuv".toCharArray();

    private GoogleEvents() {
    }

    /**
     * The event id CalSync gives a session's event: derived from its UID, so a retry after a lost answer
     * addresses the same event instead of creating a second one. Google allows base32hex ids of 5 to 1024.
     */
    static String eventIdOf(String uid) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(uid.getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder("cs");
            int buffer = 0;
            int bits = 0;
            for (byte b : digest) {
                buffer = (buffer << 8) | (b & 0xff);
                bits += 8;
                while (bits >= 5) {
                    id.append(BASE32HEX[(buffer >> (bits - 5)) & 31]);
                    bits -= 5;
                }
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body of an insert, under the id the UID gives. */
    static String toJson(OutgoingEvent event) {
        return Json.createObjectBuilder(content(event)).add("id", eventIdOf(event.uid())).build().toString();
    }

    /** The body of a replacement, which the address names: the invitation's copy keeps its own id. */
    static String replacementJson(OutgoingEvent event) {
        return content(event).toString();
    }

    private static JsonObject content(OutgoingEvent event) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("iCalUID", event.uid())
                .add("summary", event.title())
                .add("description", event.notes())
                .add("start", time(event.start(), event.zone()))
                .add("end", time(event.end(), event.zone()))
                .add("sequence", event.sequence())
                .add("extendedProperties", Json.createObjectBuilder()
                        .add("private", Json.createObjectBuilder().add(UID_PROPERTY, event.uid())));
        if (event.place() != null) {
            body.add("location", event.place());
        }
        if (event.linkBack() != null) {
            body.add("source", Json.createObjectBuilder().add("title", "CalSync").add("url", event.linkBack().toString()));
        }
        if (event.hostsMeeting() == OnlineMeetingKind.GOOGLE_MEET) {
            // One request id per event: Google makes the conference once and ignores the same request later.
            body.add("conferenceData", Json.createObjectBuilder().add("createRequest", Json.createObjectBuilder()
                    .add("requestId", "calsync-" + eventIdOf(event.uid()))
                    .add("conferenceSolutionKey", Json.createObjectBuilder().add("type", "hangoutsMeet"))));
        } else if (joinsMeet(event)) {
            // An attendee's copy of a Meet conference made elsewhere: Google shows its join button for it.
            String code = event.meetingLink().getPath().replaceFirst("^/", "");
            body.add("conferenceData", Json.createObjectBuilder()
                    .add("conferenceSolution", Json.createObjectBuilder()
                            .add("key", Json.createObjectBuilder().add("type", "hangoutsMeet")))
                    .add("conferenceId", code)
                    .add("entryPoints", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("entryPointType", "video").add("uri", event.meetingLink().toString()))));
        }
        return body.build();
    }

    private static boolean joinsMeet(OutgoingEvent event) {
        return event.hostsMeeting() == null && event.meetingKind() == OnlineMeetingKind.GOOGLE_MEET
                && event.meetingLink() != null;
    }

    /** The query a write needs: conferenceData is only read from writes that say they know it. */
    static Map<String, String> writeParameters(OutgoingEvent event) {
        return event.hostsMeeting() == OnlineMeetingKind.GOOGLE_MEET || joinsMeet(event)
                ? Map.of("conferenceDataVersion", "1") : Map.of();
    }

    /**
     * What became of the Meet conference a written event asked for: its video entry point, nothing yet while Google
     * still makes it (pending), or why it made none (Meet turned off for the account).
     */
    static HostedMeeting hostedMeeting(JsonObject written) {
        JsonObject conference = written.get("conferenceData") instanceof JsonObject data ? data : null;
        if (conference != null && conference.get("entryPoints") instanceof JsonArray entryPoints) {
            for (JsonObject entryPoint : entryPoints.getValuesAs(JsonObject.class)) {
                if ("video".equals(entryPoint.getString("entryPointType", "")) && entryPoint.containsKey("uri")) {
                    return HostedMeeting.created(URI.create(entryPoint.getString("uri")));
                }
            }
        }
        String status = conference != null && conference.get("createRequest") instanceof JsonObject request
                && request.get("status") instanceof JsonObject state ? state.getString("statusCode", "") : "";
        if ("pending".equals(status)) {
            return new HostedMeeting(null, null);
        }
        return HostedMeeting.refused("Google Calendar wrote the event without a Meet conference: Google Meet is turned "
                + "off for this account, or its organisation does not allow it.");
    }

    private static JsonObjectBuilder time(Instant instant, ZoneId zone) {
        return Json.createObjectBuilder().add("dateTime", OffsetDateTime.ofInstant(instant, zone).toString())
                .add("timeZone", zone.getId());
    }

    /**
     * An event resource as the port sees it. With singleEvents, each occurrence of a series comes as an event
     * of its own, so one event blocks at most one interval.
     *
     * @throws IllegalArgumentException when the resource lacks what any event has (id, start, end)
     */
    static RemoteEvent fromJson(JsonObject item, ZoneId ownerZone, TimeWindow window) {
        String id = item.getString("id", null);
        if (id == null) {
            throw new IllegalArgumentException("an event without an id");
        }
        Instant start = instant(item.getJsonObject("start"), ownerZone, "start");
        Instant end = instant(item.getJsonObject("end"), ownerZone, "end");
        String visibility = item.getString("visibility", "default");
        boolean privateEvent = "private".equals(visibility) || "confidential".equals(visibility);
        ShowAs showAs = "transparent".equals(item.getString("transparency", "opaque")) || declinedBySelf(item)
                ? ShowAs.FREE : ShowAs.BUSY;
        boolean allDay = item.getJsonObject("start").containsKey("date");
        List<BusyInterval> busy = BusyTime.of(start, end, allDay, showAs, false, window).stream().toList();
        return new RemoteEvent(id, uidOf(item), item.getString("etag", null), busy,
                privateEvent ? null : item.getString("summary", ""), privateEvent);
    }

    /** An invitation the calendar's owner declined stays in their calendar, but does not make them busy. */
    static boolean declinedBySelf(JsonObject item) {
        JsonArray attendees = item.containsKey("attendees") ? item.getJsonArray("attendees") : null;
        return attendees != null && attendees.stream().map(JsonValue::asJsonObject)
                .anyMatch(a -> a.getBoolean("self", false) && "declined".equals(a.getString("responseStatus", "")));
    }

    static String uidOf(JsonObject item) {
        JsonObject extended = item.getJsonObject("extendedProperties");
        JsonObject own = extended == null ? null : extended.getJsonObject("private");
        if (own != null && own.containsKey(UID_PROPERTY)) {
            return own.getString(UID_PROPERTY);
        }
        return item.getString("iCalUID", item.getString("id", null));
    }

    /** A dateTime (with its offset), or an all-day date, which starts at midnight in the owner's zone. */
    static Instant instant(JsonObject time, ZoneId ownerZone, String which) {
        if (time == null) {
            throw new IllegalArgumentException("an event without " + which);
        }
        try {
            if (time.containsKey("dateTime")) {
                return OffsetDateTime.parse(time.getString("dateTime")).toInstant();
            }
            if (time.containsKey("date")) {
                return LocalDate.parse(time.getString("date")).atStartOfDay(ownerZone).toInstant();
            }
        } catch (DateTimeParseException | ClassCastException e) {
            throw new IllegalArgumentException("an unreadable " + which + ": " + time);
        }
        throw new IllegalArgumentException("an event whose " + which + " has neither date nor dateTime");
    }
}

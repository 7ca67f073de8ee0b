package org.calsync.infrastructure.provider.google;

import static org.calsync.infrastructure.provider.google.GoogleErrors.RULES;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.calendar.PendingWrite;
import org.calsync.domain.model.calendar.VersionConflictException;
import org.calsync.domain.model.calendar.WriteOutcome;
import org.calsync.domain.model.calendar.WriteResult;
import org.calsync.infrastructure.provider.rest.Addresses;
import org.calsync.infrastructure.provider.rest.JsonAnswer;

/**
 * Writes and deletes CalSync's events under the id their UID gives, or in the copy Google Calendar made of the
 * person's emailed invitation; a replacement or a delete never goes over an edit made in Google since CalSync's
 * own write (If-Match on the etag).
 */
final class GoogleEventWriter {

    private final GoogleCalls google;
    private final Duration firstBackOff;

    GoogleEventWriter(GoogleCalls google, Duration firstBackOff) {
        this.google = google;
        this.firstBackOff = firstBackOff;
    }

    WriteResult put(String calendarId, PendingWrite write) {
        OutgoingEvent event = write.event();
        if (write.mayAdoptInvitation()) {
            JsonObject copy = invitationCopy(calendarId, event.uid());
            if (copy != null) {
                return adopted(google.send("PUT", resource(calendarId, copy.getString("id"), event),
                        GoogleEvents.replacementJson(event), copy.getString("etag", null)), event);
            }
        }
        if (overEdits(write)) {
            // an insert would add a second event beside a copy it took over
            JsonAnswer over = google.send("PUT", resource(calendarId, write.remoteId(), event),
                    GoogleEvents.replacementJson(event), null);
            if (over.status() != 404 && over.status() != 410) {
                return written(RULES.succeeded(over, "update an event"), false, event);
            }
            // deleted there: written again as a new event
        }
        if (write.expectedVersion() == null) {
            JsonAnswer created = google.send("POST", google.uri(GoogleCalls.events(calendarId),
                    GoogleEvents.writeParameters(event)), GoogleEvents.toJson(event), null);
            if (created.status() != 409) {
                return written(RULES.succeeded(created, "create an event"), true, event);
            }
            // 409: the id exists, written before a crash or a lost answer. It is ours: replace it.
        }
        return replaced(google.send("PUT", resource(calendarId, remoteIdOf(write), event),
                GoogleEvents.replacementJson(event), write.expectedVersion()), event, write.expectedVersion());
    }

    /**
     * The event Google Calendar made from the person's emailed invitation with this UID (Gmail adds them
     * itself), found by its iCalUID; null when there is none, or only CalSync's own.
     */
    private JsonObject invitationCopy(String calendarId, String uid) {
        JsonObject page = RULES.succeeded(google.send("GET", google.uri(GoogleCalls.events(calendarId),
                Map.of("iCalUID", uid)), null, null), "find an invitation").json();
        JsonArray items = page.containsKey("items") ? page.getJsonArray("items") : JsonValue.EMPTY_JSON_ARRAY;
        return items.getValuesAs(JsonObject.class).stream()
                .filter(item -> !"cancelled".equals(item.getString("status", "")))
                .filter(item -> !GoogleEvents.eventIdOf(uid).equals(item.getString("id", "")))
                .findFirst().orElse(null);
    }

    /** What taking over the invitation's copy answered; a change to it since it was found is a conflict. */
    private static WriteResult adopted(JsonAnswer answer, OutgoingEvent event) {
        if (answer.status() == 412 || answer.status() == 404 || answer.status() == 410) {
            throw new VersionConflictException("The invitation to " + event.uid() + " changed in Google Calendar.");
        }
        return written(RULES.succeeded(answer, "update an invitation"), false, event);
    }

    /** A write over whatever the event CalSync wrote now shows. */
    private static boolean overEdits(PendingWrite write) {
        return write.expectedVersion() == null && write.remoteId() != null;
    }

    /** Where CalSync last wrote the event: the id its UID gives, or the invitation's copy it took over. */
    private static String remoteIdOf(PendingWrite write) {
        return write.remoteId() != null ? write.remoteId() : GoogleEvents.eventIdOf(write.event().uid());
    }

    private URI resource(String calendarId, String eventId) {
        return resource(calendarId, eventId, Map.of());
    }

    /** The event's address, asked as the event's write needs (a Meet conference needs conferenceDataVersion). */
    private URI resource(String calendarId, String eventId, OutgoingEvent event) {
        return resource(calendarId, eventId, GoogleEvents.writeParameters(event));
    }

    private URI resource(String calendarId, String eventId, Map<String, String> query) {
        return google.uri(GoogleCalls.events(calendarId) + "/" + Addresses.encode(eventId), query);
    }

    /** What a replacement answered; never a write over an edit made in Google since ours. */
    private static WriteResult replaced(JsonAnswer answer, OutgoingEvent event, String expectedVersion) {
        if (answer.status() == 412 || expectedVersion != null && (answer.status() == 404 || answer.status() == 410)) {
            throw new VersionConflictException("The event " + event.uid() + " was changed in Google Calendar.");
        }
        return written(RULES.succeeded(answer, "update an event"), false, event);
    }

    /**
     * A burst through Google's batch endpoint, 50 writes a request, decided as {@link #put} decides one:
     * creates go in under the id our UID gives; those Google already has (409, written before a crash or a
     * lost answer) are replaced in a second batch.
     */
    List<WriteOutcome> putAll(String calendarId, List<PendingWrite> writes) {
        if (writes.stream().anyMatch(w -> w.mayAdoptInvitation() || overEdits(w))) {
            // rare (a person who had invitations by email links a calendar, or edits are written over):
            // each write looks at what is there first
            return writes.stream().map(write -> writeOne(calendarId, write)).toList();
        }
        GoogleBatch batch = new GoogleBatch(google.http(), google.connection(), firstBackOff);
        List<JsonAnswer> first = batch.send(writes.stream().map(write -> write.expectedVersion() == null
                ? new GoogleBatch.Call("POST", google.uri(GoogleCalls.events(calendarId),
                        GoogleEvents.writeParameters(write.event())), GoogleEvents.toJson(write.event()), null)
                : replacement(calendarId, write)).toList());
        List<Integer> existed = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            if (writes.get(i).expectedVersion() == null && first.get(i).status() == 409) {
                existed.add(i);
            }
        }
        List<JsonAnswer> second = batch.send(existed.stream().map(i -> replacement(calendarId, writes.get(i)))
                .toList());
        List<WriteOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            PendingWrite write = writes.get(i);
            int replacedAt = existed.indexOf(i);
            try {
                outcomes.add(WriteOutcome.written(write.expectedVersion() == null && replacedAt < 0
                        ? written(RULES.succeeded(first.get(i), "create an event"), true, write.event())
                        : replaced(replacedAt < 0 ? first.get(i) : second.get(replacedAt), write.event(),
                                write.expectedVersion())));
            } catch (RuntimeException e) {
                outcomes.add(WriteOutcome.failed(e));
            }
        }
        return outcomes;
    }

    private WriteOutcome writeOne(String calendarId, PendingWrite write) {
        try {
            return WriteOutcome.written(put(calendarId, write));
        } catch (RuntimeException e) {
            return WriteOutcome.failed(e);
        }
    }

    private GoogleBatch.Call replacement(String calendarId, PendingWrite write) {
        return new GoogleBatch.Call("PUT", resource(calendarId, remoteIdOf(write), write.event()),
                GoogleEvents.replacementJson(write.event()), write.expectedVersion());
    }

    private static WriteResult written(JsonAnswer answer, boolean created, OutgoingEvent asked) {
        JsonObject event = answer.json();
        return new WriteResult(event.getString("id"), event.getString("etag", answer.etag()), created,
                asked.hostsMeeting() == null ? null : GoogleEvents.hostedMeeting(event));
    }

    void delete(String calendarId, String remoteId, String expectedVersion) {
        JsonAnswer answer = google.send("DELETE", resource(calendarId, remoteId), null, expectedVersion);
        if (answer.status() == 412) {
            throw new VersionConflictException("The event " + remoteId + " was changed in Google Calendar.");
        }
        if (answer.status() != 404 && answer.status() != 410) {
            RULES.succeeded(answer, "delete an event");
        }
    }
}

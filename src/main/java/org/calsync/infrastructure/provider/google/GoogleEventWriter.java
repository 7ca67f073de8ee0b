package org.calsync.infrastructure.provider.google;

import static org.calsync.infrastructure.provider.google.GoogleErrors.RULES;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.calendar.PendingWrite;
import org.calsync.domain.model.calendar.VersionConflictException;
import org.calsync.domain.model.calendar.WriteOutcome;
import org.calsync.domain.model.calendar.WriteResult;
import org.calsync.infrastructure.provider.rest.Addresses;
import org.calsync.infrastructure.provider.rest.JsonAnswer;

/**
 * Writes and deletes CalSync's events under the id their UID gives; a replacement or a delete never goes over
 * an edit made in Google since CalSync's own write (If-Match on the etag).
 */
final class GoogleEventWriter {

    private final GoogleCalls google;
    private final Duration firstBackOff;

    GoogleEventWriter(GoogleCalls google, Duration firstBackOff) {
        this.google = google;
        this.firstBackOff = firstBackOff;
    }

    WriteResult put(String calendarId, OutgoingEvent event, String expectedVersion) {
        String body = GoogleEvents.toJson(event);
        String eventId = GoogleEvents.eventIdOf(event.uid());
        URI events = google.uri(GoogleCalls.events(calendarId), Map.of());
        URI resource = google.uri(GoogleCalls.events(calendarId) + "/" + eventId, Map.of());
        if (expectedVersion == null) {
            JsonAnswer created = google.send("POST", events, body, null);
            if (created.status() != 409) {
                return written(RULES.succeeded(created, "create an event"), true);
            }
            // 409: the id exists, written before a crash or a lost answer. It is ours: replace it.
        }
        return replaced(google.send("PUT", resource, body, expectedVersion), event, expectedVersion);
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
    List<WriteOutcome> putAll(String calendarId, List<PendingWrite> writes) {
        GoogleBatch batch = new GoogleBatch(google.http(), google.connection(), firstBackOff);
        List<JsonAnswer> first = batch.send(writes.stream().map(write -> write.expectedVersion() == null
                ? new GoogleBatch.Call("POST", google.uri(GoogleCalls.events(calendarId), Map.of()),
                        GoogleEvents.toJson(write.event()), null)
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
                        ? written(RULES.succeeded(first.get(i), "create an event"), true)
                        : replaced(replacedAt < 0 ? first.get(i) : second.get(replacedAt), write.event(),
                                write.expectedVersion())));
            } catch (RuntimeException e) {
                outcomes.add(WriteOutcome.failed(e));
            }
        }
        return outcomes;
    }

    private GoogleBatch.Call replacement(String calendarId, PendingWrite write) {
        String eventId = GoogleEvents.eventIdOf(write.event().uid());
        return new GoogleBatch.Call("PUT", google.uri(GoogleCalls.events(calendarId) + "/" + eventId, Map.of()),
                GoogleEvents.toJson(write.event()), write.expectedVersion());
    }

    private static WriteResult written(JsonAnswer answer, boolean created) {
        JsonObject event = answer.json();
        return new WriteResult(event.getString("id"), event.getString("etag", answer.etag()), created);
    }

    void delete(String calendarId, String remoteId, String expectedVersion) {
        JsonAnswer answer = google.send("DELETE",
                google.uri(GoogleCalls.events(calendarId) + "/" + Addresses.encode(remoteId), Map.of()), null,
                expectedVersion);
        if (answer.status() == 412) {
            throw new VersionConflictException("The event " + remoteId + " was changed in Google Calendar.");
        }
        if (answer.status() != 404 && answer.status() != 410) {
            RULES.succeeded(answer, "delete an event");
        }
    }
}

package org.calsync.infrastructure.provider.graph;

import static org.calsync.infrastructure.provider.graph.GraphErrors.RULES;

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
 * Writes and deletes CalSync's events, found by their UID; an update or a delete never goes over an edit made
 * in Outlook since CalSync's own write (If-Match on the etag).
 */
final class GraphEventWriter {

    private final GraphCalls graph;
    private final Duration firstBackOff;

    GraphEventWriter(GraphCalls graph, Duration firstBackOff) {
        this.graph = graph;
        this.firstBackOff = firstBackOff;
    }

    WriteResult put(String calendarId, PendingWrite pending) {
        JsonObject existing = graph.findOurs(calendarId, pending.event().uid());
        if (existing == null && pending.mayAdoptInvitation()) {
            existing = graph.findInvitationCopy(calendarId, pending.event().uid());
        }
        Write write = plan(calendarId, existing, pending);
        GraphBatch.Request request = write.request();
        return result(graph.send(request.method(), graph.uri(request.relativeUrl(), Map.of()),
                request.body().toString(), request.headers()), write, pending.event());
    }

    /**
     * A burst through {@code $batch}: one batch finds CalSync's events by UID, a second writes them, 20 writes
     * to a request each time, so 1,000 writes cost 100 requests instead of 2,000.
     */
    List<WriteOutcome> putAll(String calendarId, List<PendingWrite> writes) {
        GraphBatch batch = new GraphBatch(graph, firstBackOff);
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
                JsonObject existing = ours.isEmpty() ? null : ours.get(0);
                if (existing == null && writes.get(i).mayAdoptInvitation()) {
                    // rare (a person who had invitations by email links a calendar): one lookup each
                    existing = graph.findInvitationCopy(calendarId, writes.get(i).event().uid());
                }
                planning.add(plan(calendarId, existing, writes.get(i)));
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

    private Write plan(String calendarId, JsonObject existing, PendingWrite write) {
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
        return new WriteResult(written.getString("id"), written.getString("@odata.etag", answer.etag()),
                write.creates(), event.hostsMeeting() == null ? null : GraphEvents.hostedMeeting(written));
    }

    void delete(String remoteId, String expectedVersion) {
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
}

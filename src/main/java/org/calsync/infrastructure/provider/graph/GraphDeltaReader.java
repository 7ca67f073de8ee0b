package org.calsync.infrastructure.provider.graph;

import static org.calsync.infrastructure.provider.graph.GraphErrors.RULES;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.calsync.domain.model.calendar.ChangeBatch;
import org.calsync.domain.model.calendar.SyncCursor;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.infrastructure.provider.rest.ChangeCollector;
import org.calsync.infrastructure.provider.rest.JsonAnswer;

/**
 * Reads a calendar's changes with calendarView delta: the delta link is the cursor, and an expired one (410),
 * or a window that has moved on, means a full read of the window.
 */
final class GraphDeltaReader {

    private static final int PAGE_SIZE = 100;
    /**
     * A delta link keeps the window it started with. Once the requested window has moved on by this much,
     * a full read starts a new one, so the newest days come in.
     */
    static final Duration WINDOW_DRIFT = Duration.ofDays(7);

    private final GraphCalls graph;

    GraphDeltaReader(GraphCalls graph) {
        this.graph = graph;
    }

    ChangeBatch changesSince(String calendarId, SyncCursor cursor, TimeWindow window) {
        DeltaCursor previous = DeltaCursor.parse(cursor);
        if (previous != null && previous.canContinue(window, graph)) {
            ChangeBatch incremental = read(URI.create(previous.deltaLink()), previous.windowEnd(), window, false);
            if (incremental != null) {
                return incremental;
            }
        }
        // The first read, an expired delta link (410), or a window that has moved on: everything in the window.
        URI start = graph.uri(graph.calendarPath(calendarId) + "/calendarView/delta",
                Map.of("startDateTime", window.from().toString(), "endDateTime", window.to().toString()));
        return read(start, window.to(), window, true);
    }

    /** Follows the next links to the delta link; null when Graph says the delta link is gone (410). */
    private ChangeBatch read(URI first, Instant windowEnd, TimeWindow window, boolean fullRead) {
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

    /** Where a read got to: the delta link and the end of the window it was started for. */
    record DeltaCursor(Instant windowEnd, String deltaLink) {

        static DeltaCursor parse(SyncCursor cursor) {
            if (cursor.isNone()) {
                return null;
            }
            String[] parts = cursor.value().split(" ", 2);
            try {
                return parts.length == 2 ? new DeltaCursor(Instant.parse(parts[0]), parts[1]) : null;
            } catch (DateTimeParseException e) {
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
}
